namespace Attendance.Storage.Tables;

/// <summary>
/// Refuses keys Table Storage forbids (<c>/ \ # ?</c>, control characters, more than 1 KiB) before they are sent:
/// in a URL a <c>/</c> or <c>?</c> would address a different resource instead of failing clearly.
/// </summary>
internal static class TableKeys
{
    private const int MaxKeyLength = 1024;

    public static void Validate(string key, string name)
    {
        ArgumentNullException.ThrowIfNull(key, name);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{name} is longer than {MaxKeyLength} characters.", name);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"{name} contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}', which Table Storage does not allow in keys.", name);
            }
        }
    }
}
