// The venue page's script: sends without reloading, shows that it is sending, and keeps a sign-in on this phone
// while there is no connection, to send it when the connection returns or the page is opened again. Each sign-in
// carries one key made here once (clientKey), so however often it is resent it is stored once.
(function () {
  'use strict';
  var queueKey = 'daftar-hadir:' + location.pathname;
  var retryMs = 15000;
  var flushing = false;
  var relink = false;

  function loadQueue() {
    try { return JSON.parse(localStorage.getItem(queueKey)) || []; } catch (e) { return []; }
  }
  function saveQueue(queue) {
    try {
      if (queue.length) { localStorage.setItem(queueKey, JSON.stringify(queue)); } else { localStorage.removeItem(queueKey); }
      return true;
    } catch (e) { return false; }
  }
  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }
  function text(tag, className, content) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    el.textContent = content;
    return el;
  }

  function showPage(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var next = doc.getElementById('main');
    var current = document.getElementById('main');
    if (!next || !current) { return; }
    current.replaceWith(document.adoptNode(next));
    document.title = doc.title;
    var target = document.querySelector('[aria-invalid=true]') || document.getElementById('confirmation') || document.querySelector('h1');
    if (target) { target.focus({ preventScroll: false }); }
    showWaiting();
  }

  function showWaiting() {
    var status = document.getElementById('status') || document.getElementById('main');
    var old = document.getElementById('waiting');
    if (old) { old.remove(); }
    var queue = loadQueue();
    if (!queue.length || !status) { return; }
    var box = document.createElement('div');
    box.id = 'waiting';
    box.className = 'notice waiting';
    box.appendChild(text('strong', null, (relink ? 'Tautan sudah diganti panitia.' : 'Menunggu koneksi.') + ' Belum terkirim: '));
    box.appendChild(text('span', null, queue.map(function (item) { return item.fields.fullName || 'tanpa nama'; }).join(', ') + '.'));
    box.appendChild(text('p', null, relink
      ? 'Data tersimpan di HP ini. Pindai kode QR yang baru: data langsung terkirim. Jangan hapus data browser.'
      : 'Data tersimpan di HP ini dan dikirim otomatis begitu ada sinyal atau saat halaman ini dibuka lagi. Jangan hapus data browser.'));
    var again = text('button', null, 'Coba kirim sekarang');
    again.type = 'button';
    again.addEventListener('click', flush);
    box.appendChild(again);
    status.prepend(box);
  }

  // One post: 'done' when the server judged it (stored, refused with messages, a closed form), 'relink' when the
  // link was wrong or replaced (kept, to go with the new link), 'later' when it should be sent again (no
  // connection, too many requests, the server or storage down).
  function send(fields) {
    return fetch(location.pathname + location.search, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'Accept': 'text/html' },
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      if (response.status === 429 || response.status >= 500) { return { outcome: 'later' }; }
      return response.text().then(function (html) {
        return { outcome: response.status === 401 ? 'relink' : 'done', html: html };
      });
    }, function () { return { outcome: 'later' }; });
  }

  function flush() {
    if (flushing) { return; }
    var queue = loadQueue();
    if (!queue.length) { return; }
    flushing = true;
    var item = queue[0];
    send(item.fields).then(function (result) {
      flushing = false;
      if (result.outcome === 'later') { showWaiting(); return; }
      if (result.outcome === 'relink') {
        if (relink) { showWaiting(); } else { relink = true; showPage(result.html); }
        return;
      }
      saveQueue(loadQueue().filter(function (other) { return other.fields.clientKey !== item.fields.clientKey; }));
      showPage(result.html);
      flush();
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-venue')) { return; }
    event.preventDefault();
    if (form.dataset.sending) { return; }
    form.dataset.sending = '1';
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Mengirim…';
    // The key is made once per sign-in and survives a refused post, a reload and every resend.
    if (!form.elements.clientKey.value) { form.elements.clientKey.value = newKey(); }
    if (!form.elements.checkInAt.value) { form.elements.checkInAt.value = new Date().toISOString(); }
    var fields = {};
    new FormData(form).forEach(function (value, name) { fields[name] = String(value); });
    send(fields).then(function (result) {
      if (result.outcome === 'done') { showPage(result.html); return; }
      relink = result.outcome === 'relink';
      // Kept on the phone: sent later, it is stored for when Kirim was pressed (checkInAt), held by its page's stamp
      // to no earlier than the server served the page, not for when it arrives.
      fields.keptOffline = '1';
      var queue = loadQueue().filter(function (other) { return other.fields.clientKey !== fields.clientKey; });
      queue.push({ fields: fields, savedAt: new Date().toISOString() });
      if (!saveQueue(queue)) {
        delete form.dataset.sending;
        button.disabled = false;
        button.removeAttribute('aria-busy');
        button.textContent = 'Kirim kehadiran';
        var status = document.getElementById('status');
        status.replaceChildren(text('p', 'notice error', 'Tidak ada koneksi dan HP ini tidak dapat menyimpan isian. Coba kirim lagi nanti; isian Anda masih ada.'));
        return;
      }
      if (relink) { showPage(result.html); return; }
      form.remove();
      // The form is gone, so a notice about its fields from an earlier attempt no longer applies.
      var stale = document.querySelector('#status .notice.error');
      if (stale) { stale.remove(); }
      showWaiting();
    });
  });

  // The privacy link holds no token (the page body never does); followed, it takes this page's query, so the full
  // notice names this event. Delegated, since a refused post replaces the form and its link.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-with-query]') : null;
    if (link && !link.search) { link.search = location.search; }
  });

  window.addEventListener('online', flush);
  // No timed resend while the item waits for a new link: the old one answers 401 however often it is tried, and every
  // 401 counts against the address, so a few phones resending through a rotated link would hold a whole hotel at 429.
  // It goes again when the page is opened again (with the new QR code) or the connection returns.
  window.setInterval(function () { if (!relink) { flush(); } }, retryMs);
  showWaiting();
  flush();
}());
