namespace Attendance.Testing;

/// <summary>
/// Text anyone holding a venue link can type, chosen so that a page writing it without HTML encoding shows something
/// else than what was typed: a tag, an attribute breaking out of its quotes, a closed element, an entity decoded, a
/// script that runs. Every page that shows participant-typed text is tested with each of these (the
/// <c>*HostileTextTests</c> classes). The scripts set <see cref="Flag"/>, so a browser test can tell that one ran.
/// </summary>
public static class HostileText
{
    /// <summary>The global a payload sets when it runs: <c>window.__hostile</c> stays undefined on a safe page.</summary>
    public const string Flag = "__hostile";

    /// <summary>A script element.</summary>
    public const string ScriptTag = "<script>window.__hostile='script'</script>Siti Nurhaliza";

    /// <summary>Breaks out of a double-quoted attribute and adds an element whose handler runs at once.</summary>
    public const string ImageOnError = "\"><img src=x onerror=\"window.__hostile='img'\">Dewi Sartika";

    /// <summary>Breaks out of a single-quoted attribute into an event handler.</summary>
    public const string SingleQuoteAttribute = "Ni' autofocus onfocus='window.__hostile=`focus`' x='Luh";

    /// <summary>Closes the elements a value could sit in (a text area, the title, an option, a select, a cell) and opens its own.</summary>
    public const string ClosingTags = "</textarea></title></option></select></td></strong><svg onload=\"window.__hostile='svg'\"></svg>Budi";

    /// <summary>An entity already written out: shown decoded ("&amp;" as "&amp;") it is not what was typed.</summary>
    public const string Entity = "Tom &amp; Jerry &lt;b&gt; &#60;i&#62;";

    /// <summary>Quotes of every kind, as names hold them (O'Brien), and a backtick.</summary>
    public const string Quotes = "O'Brien \"Bung\" `Karno` Nur'aini";

    /// <summary>A right-to-left override, a zero-width space and a joiner: invisible characters that reorder what is shown.</summary>
    public const string RightToLeft = "\u202Eizahalrun\u202C Siti\u200B Nur\u200Dhaliza";

    /// <summary>Markup around text as long as a full name may be (200 characters): what is cut or wrapped must still be text.</summary>
    public static readonly string Long = "<b>" + string.Concat(Enumerable.Repeat("Nurhaliza ", 18)) + "Siti</b>";

    /// <summary>A comment opened and never closed: written raw, it hides the rest of the page.</summary>
    public const string OpenComment = "<!-- Rudi Hartono";

    /// <summary>A style element that would hide the page.</summary>
    public const string StyleTag = "<style>body{display:none}</style>Ahmad Fauzi";

    /// <summary>Every sample.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ScriptTag, ImageOnError, SingleQuoteAttribute, ClosingTags, Entity, Quotes, RightToLeft, Long, OpenComment, StyleTag];

    /// <summary>
    /// The samples a submission stores exactly as typed (a full name of at most 200 characters with a letter and no
    /// contact details or invisible characters): what a stored list shows back.
    /// </summary>
    public static IReadOnlyList<string> Storable { get; } = [.. All.Where(t => t != RightToLeft)];
}
