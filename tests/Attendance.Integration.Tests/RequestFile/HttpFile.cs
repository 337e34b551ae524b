namespace Attendance.Integration.Tests.RequestFile;

/// <summary>
/// A request file in the format VS Code's REST Client and Visual Studio read (<c>attendance.http</c>), as far as that
/// file uses it: <c>###</c> between requests, <c>@name = value</c> file variables, <c>{{name}}</c> substitution, a
/// request line with an optional HTTP version, headers, a blank line and a body. The expected status is this
/// repository's convention, a comment <c># expect 201</c> in each request. Response variables
/// (<c>{{register.response.body...}}</c>) are not supported: the file does not use them, and an unknown
/// <c>{{...}}</c> is an error rather than sent as text.
/// </summary>
internal sealed partial class HttpFile
{
    private HttpFile(IReadOnlyDictionary<string, string> variables, IReadOnlyList<HttpFileRequest> requests)
    {
        Variables = variables;
        Requests = requests;
    }

    /// <summary>The file variables as written, before substitution.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>The requests in file order, with <c>{{name}}</c> not yet substituted.</summary>
    public IReadOnlyList<HttpFileRequest> Requests { get; }

    public static HttpFile Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var requests = new List<HttpFileRequest>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var block = new List<string>();
        var title = "";
        foreach (var line in lines)
        {
            if (line.StartsWith("###", StringComparison.Ordinal))
            {
                AddBlock(title, block, variables, requests);
                title = line[3..].Trim();
                block.Clear();
            }
            else
            {
                block.Add(line);
            }
        }

        AddBlock(title, block, variables, requests);
        return new HttpFile(variables, requests);
    }

    /// <summary>
    /// The requests with every <c>{{name}}</c> replaced: by <paramref name="overrides"/> where given (each must name a
    /// variable the file declares, so a renamed variable cannot be silently left at its placeholder), else the file's value.
    /// </summary>
    public IReadOnlyList<HttpFileRequest> Resolve(IReadOnlyDictionary<string, string> overrides)
    {
        var undeclared = overrides.Keys.Where(k => !Variables.ContainsKey(k)).ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException($"The request file declares no variable {string.Join(", ", undeclared.Select(u => "@" + u))}.");
        }

        var values = Variables.ToDictionary(v => v.Key, v => overrides.GetValueOrDefault(v.Key, v.Value), StringComparer.Ordinal);
        return [.. Requests.Select(r => r with
        {
            Url = Substitute(r.Url, values),
            Headers = [.. r.Headers.Select(h => new KeyValuePair<string, string>(h.Key, Substitute(h.Value, values)))],
            Body = r.Body is null ? null : Substitute(r.Body, values),
        })];
    }

    /// <summary>REST Client encodes <c>Authorization: Basic user:password</c> itself; this does the same before sending.</summary>
    public static string EncodeBasic(string headerValue)
    {
        const string Basic = "Basic ";
        if (!headerValue.StartsWith(Basic, StringComparison.OrdinalIgnoreCase) || !headerValue.Contains(':', StringComparison.Ordinal))
        {
            return headerValue;
        }

        return Basic + Convert.ToBase64String(Encoding.UTF8.GetBytes(headerValue[Basic.Length..].Trim()));
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value.Trim();
            return values.TryGetValue(name, out var value)
                ? Substitute(value, values)
                : throw new InvalidOperationException($"{{{{{name}}}}} is not a file variable (response variables are not supported here).");
        });

    private static void AddBlock(string title, List<string> block, Dictionary<string, string> variables, List<HttpFileRequest> requests)
    {
        int? expected = null;
        var i = 0;

        // Before the request line: file variables, comments (among them the expected status) and blank lines.
        for (; i < block.Count; i++)
        {
            var line = block[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (Variable().Match(line) is { Success: true } variable)
            {
                variables[variable.Groups[1].Value] = variable.Groups[2].Value.Trim();
            }
            else if (Expect().Match(line) is { Success: true } expect)
            {
                expected = int.Parse(expect.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (!line.StartsWith('#') && !line.StartsWith("//", StringComparison.Ordinal))
            {
                break;
            }
        }

        if (i == block.Count)
        {
            return;
        }

        var requestLine = RequestLine().Match(block[i].Trim());
        if (!requestLine.Success)
        {
            throw new FormatException($"Request \"{title}\": \"{block[i].Trim()}\" is not a request line (METHOD URL [HTTP/1.1]).");
        }

        if (expected is null)
        {
            throw new FormatException($"Request \"{title}\" has no \"# expect <status>\" line.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        for (i++; i < block.Count && block[i].Trim().Length > 0; i++)
        {
            var colon = block[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"Request \"{title}\": \"{block[i]}\" is not a header (Name: value).");
            }

            headers.Add(new(block[i][..colon].Trim(), block[i][(colon + 1)..].Trim()));
        }

        var body = string.Join("\n", block.Skip(i + 1)).Trim();
        requests.Add(new HttpFileRequest(
            title, requestLine.Groups[1].Value, requestLine.Groups[2].Value, headers, body.Length == 0 ? null : body, expected.Value));
    }

    [GeneratedRegex(@"^@([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^#\s*expect\s+(\d{3})\s*$")]
    private static partial Regex Expect();

    [GeneratedRegex(@"^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\s+(\S+)(?:\s+HTTP/\d(?:\.\d)?)?$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{([^}]+)\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>One request of a <see cref="HttpFile"/>: what to send and the status the file says it answers.</summary>
internal sealed record HttpFileRequest(
    string Title, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body, int ExpectedStatus)
{
    public override string ToString() => $"{Method} {Url} ({Title})";
}
