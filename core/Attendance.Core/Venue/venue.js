// The venue page's script: sends without reloading, shows that it is sending, and keeps sign-ins on this device
// while there is no connection, to send them when the connection returns or the page is opened again. A device may be
// shared at the desk: a kept sign-in never blocks the next person (the form comes back empty at once), several can
// wait, and notes above the form say how many wait, which were sent and which the server refused. Each sign-in carries
// one key made here once (clientKey), so however often it is resent it is stored once; the queue is sent by one
// sender at a time (navigator.locks across tabs where the browser has it, a promise within the page).
(function () {
  'use strict';
  var queueKey = 'daftar-hadir:' + location.pathname;
  var refusedKey = 'daftar-hadir-ditolak:' + location.pathname;
  var retryMs = 15000;
  var flushing = null;
  var relink = false;
  // What this page sent from the queue, for the note above the form (not kept: it is news, not data).
  var sent = [];
  // The empty form as served, to give the next person a clean one (a refused page holds the last person's values).
  var served = document.getElementById('main');
  var blank = served && served.querySelector('form[data-venue]') ? served.cloneNode(true) : null;

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)) || []; } catch (e) { return []; }
  }
  function save(key, list) {
    try {
      if (list.length) { localStorage.setItem(key, JSON.stringify(list)); } else { localStorage.removeItem(key); }
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
  function button(label, onClick) {
    var b = text('button', 'small', label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function nameOf(fields) { return (fields.fullName || '').trim() || 'tanpa nama'; }
  function plain(el) { return el ? el.textContent.replace(/\s+/g, ' ').trim() : ''; }

  // The regency list follows the chosen province, from the official lists the province's options carry (no round
  // trip, so it works offline too). A regency chosen before stays chosen when the new province holds it.
  function followProvince(form) {
    var province = form && form.elements.province;
    var regency = form && form.elements.regency;
    if (!province || !regency || province.tagName !== 'SELECT' || regency.tagName !== 'SELECT') { return; }
    var option = province.options[province.selectedIndex];
    var names = option && option.dataset.regencies ? option.dataset.regencies.split('|') : [];
    if (regency.dataset.province === province.value) { return; }
    var chosen = regency.value;
    var options = [new Option('— Pilih —', '')];
    names.forEach(function (name) { options.push(new Option(name, name, false, name === chosen)); });
    regency.replaceChildren.apply(regency, options);
    regency.dataset.province = province.value;
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
    showNotes();
  }

  // The next person's form: the served one, empty, with the notes above it; the cursor in its first field.
  function nextPerson() {
    var current = document.getElementById('main');
    if (!blank || !current) { return null; }
    current.replaceWith(blank.cloneNode(true));
    var form = document.querySelector('form[data-venue]');
    showNotes();
    var first = form.querySelector('input:not([type=hidden]):not([readonly])');
    if (first) { first.focus(); }
    return form;
  }

  // The notes above the form, in its live region: how many wait (and for what), which the server refused, which were
  // sent. Rebuilt whole on every change, so what a screen reader hears is the current state.
  function showNotes() {
    ['waiting', 'refused', 'sent'].forEach(function (id) {
      var old = document.getElementById(id);
      if (old) { old.remove(); }
    });
    var status = document.getElementById('status');
    if (!status) { return; }
    var queue = load(queueKey);
    var refused = load(refusedKey);

    if (sent.length) {
      var done = document.createElement('div');
      done.id = 'sent';
      done.className = 'notice sent';
      done.appendChild(text('strong', null, 'Terkirim:'));
      var doneList = document.createElement('ul');
      sent.forEach(function (line) { doneList.appendChild(text('li', null, line)); });
      done.appendChild(doneList);
      status.prepend(done);
    }

    if (refused.length) {
      var box = document.createElement('div');
      box.id = 'refused';
      box.className = 'notice error';
      box.appendChild(text('strong', null, refused.length + ' isian tidak diterima:'));
      var list = document.createElement('ul');
      refused.forEach(function (item) {
        var li = text('li', null, nameOf(item.fields) + ': ' + item.reason + ' ');
        if (item.fixable) { li.appendChild(button('Perbaiki isian ' + nameOf(item.fields), function () { fix(item.fields.clientKey); })); }
        li.appendChild(button('Hapus isian ' + nameOf(item.fields), function () { drop(item.fields.clientKey); }));
        list.appendChild(li);
      });
      box.appendChild(list);
      status.prepend(box);
    }

    if (queue.length) {
      var waiting = document.createElement('div');
      waiting.id = 'waiting';
      waiting.className = 'notice waiting';
      waiting.appendChild(text('strong', null, (relink ? 'Tautan sudah diganti panitia. ' : 'Menunggu koneksi. ') +
        queue.length + ' isian belum terkirim: '));
      waiting.appendChild(text('span', null, queue.map(function (item) { return nameOf(item.fields); }).join(', ') + '.'));
      waiting.appendChild(text('p', null, relink
        ? 'Data tersimpan di perangkat ini. Pindai kode QR yang baru: data langsung terkirim. Jangan hapus data browser.'
        : 'Data tersimpan di perangkat ini dan dikirim otomatis begitu ada sinyal atau saat halaman ini dibuka lagi. ' +
          'Peserta berikutnya dapat langsung mengisi. Jangan hapus data browser.'));
      waiting.appendChild(button('Coba kirim sekarang', flush));
      status.prepend(waiting);
    }
  }

  // A refused sign-in back in an empty form, to correct and send again: its own key (unless the server said the key
  // is another's), its time and stamp, so it is still dated when it was made.
  function fix(clientKey) {
    var refused = load(refusedKey);
    var item = refused.filter(function (r) { return r.fields.clientKey === clientKey; })[0];
    if (!item) { return; }
    save(refusedKey, refused.filter(function (r) { return r !== item; }));
    var form = nextPerson();
    if (!form) { return; }
    var fields = item.fields;
    if (form.elements.province && fields.province && !form.elements.province.readOnly) {
      form.elements.province.value = fields.province;
      followProvince(form);
    }
    Object.keys(fields).forEach(function (name) {
      if (name === 'clientKey' && item.status === 409) { return; }
      var el = form.elements[name];
      if (!el && name === 'keptOffline') {
        el = document.createElement('input');
        el.type = 'hidden';
        el.name = name;
        form.appendChild(el);
      }
      if (el && !el.readOnly) { el.value = fields[name]; }
    });
    document.getElementById('status').appendChild(text('p', 'notice error', 'Perbaiki isian ' + nameOf(fields) + ': ' + item.reason));
    var first = form.querySelector('input:not([type=hidden]):not([readonly])');
    if (first) { first.focus(); }
  }

  function drop(clientKey) {
    save(refusedKey, load(refusedKey).filter(function (r) { return r.fields.clientKey !== clientKey; }));
    showNotes();
  }

  // Why the server refused a kept sign-in, from its answer: the messages under the fields, else the notice above the
  // form, else the page's title and message (closed, not yet open).
  function reasonOf(doc) {
    var errors = Array.prototype.map.call(doc.querySelectorAll('form .error'), plain);
    if (errors.length) { return errors.join(' '); }
    var notice = doc.querySelector('#status .notice');
    if (notice) { return plain(notice); }
    return [plain(doc.querySelector('main h1')), plain(doc.querySelector('main > p'))].filter(Boolean).join('. ');
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
        return { outcome: response.status === 401 ? 'relink' : 'done', status: response.status, html: html };
      });
    }, function () { return { outcome: 'later' }; });
  }

  // Sends the queue, oldest first, one post at a time, until it is empty or one must wait. Each answered sign-in
  // leaves the queue before the next is sent: stored (a note), or refused (kept apart, to correct or to drop).
  function sendQueue() {
    var queue = load(queueKey);
    if (!queue.length) { return Promise.resolve(); }
    var item = queue[0];
    return send(item.fields).then(function (result) {
      if (result.outcome === 'later') { return null; }
      if (result.outcome === 'relink') { relink = true; return null; }
      relink = false;
      save(queueKey, load(queueKey).filter(function (other) { return other.fields.clientKey !== item.fields.clientKey; }));
      var doc = new DOMParser().parseFromString(result.html, 'text/html');
      if (result.status < 300) {
        sent.push(plain(doc.querySelector('#confirmation p')) || nameOf(item.fields));
      } else {
        var refused = load(refusedKey).filter(function (other) { return other.fields.clientKey !== item.fields.clientKey; });
        refused.push({ fields: item.fields, status: result.status, reason: reasonOf(doc), fixable: result.status === 400 || result.status === 409 });
        save(refusedKey, refused);
      }
      showNotes();
      return sendQueue();
    });
  }

  // One sender at a time: the connection's return, the timer, the button and the page's load may all ask at once.
  function flush() {
    if (flushing) { return flushing; }
    if (!load(queueKey).length) { return Promise.resolve(); }
    var run = navigator.locks ? navigator.locks.request(queueKey, sendQueue) : sendQueue();
    flushing = run.then(finish, finish);
    return flushing;
    function finish() { flushing = null; showNotes(); }
  }

  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (event.target.name === 'province' && form && form.hasAttribute('data-venue')) { followProvince(form); }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-venue')) { return; }
    event.preventDefault();
    if (form.dataset.sending) { return; }
    form.dataset.sending = '1';
    var submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    submit.textContent = 'Mengirim…';
    // The key is made once per sign-in and survives a refused post, a reload and every resend.
    if (!form.elements.clientKey.value) { form.elements.clientKey.value = newKey(); }
    if (!form.elements.checkInAt.value) { form.elements.checkInAt.value = new Date().toISOString(); }
    var fields = {};
    new FormData(form).forEach(function (value, name) { fields[name] = String(value); });
    send(fields).then(function (result) {
      if (result.outcome === 'done') { showPage(result.html); return; }
      if (result.outcome === 'relink') { relink = true; }
      // Kept on the device: sent later, it is stored for when Kirim was pressed (checkInAt), held by its page's stamp
      // to no earlier than the server served the page, not for when it arrives.
      fields.keptOffline = '1';
      var queue = load(queueKey).filter(function (other) { return other.fields.clientKey !== fields.clientKey; });
      queue.push({ fields: fields, savedAt: new Date().toISOString() });
      if (!save(queueKey, queue)) {
        delete form.dataset.sending;
        submit.disabled = false;
        submit.removeAttribute('aria-busy');
        submit.textContent = 'Kirim kehadiran';
        var status = document.getElementById('status');
        status.replaceChildren(text('p', 'notice error', 'Tidak ada koneksi dan perangkat ini tidak dapat menyimpan isian. Coba kirim lagi nanti; isian Anda masih ada.'));
        return;
      }
      // The next person need not wait: the form is theirs at once, the kept sign-in goes when it can.
      nextPerson();
    });
  });

  // The privacy link holds no token (the page body never does); followed, it takes this page's query, so the full
  // notice names this event. Delegated, since a refused post replaces the form and its link.
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[data-with-query]') : null;
    if (link && !link.search) { link.search = location.search; }
  });

  window.addEventListener('online', flush);
  // No timed resend while the queue waits for a new link: the old one answers 401 however often it is tried, and every
  // 401 counts against the address, so a few phones resending through a rotated link would hold a whole hotel at 429.
  // It goes again when the page is opened again (with the new QR code) or the connection returns.
  window.setInterval(function () { if (!relink) { flush(); } }, retryMs);
  showNotes();
  flush();
}());
