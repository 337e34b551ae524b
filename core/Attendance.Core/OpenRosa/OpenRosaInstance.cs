using System.Xml;
using Attendance.Submissions;

namespace Attendance.OpenRosa;

/// <summary>
/// Reads an ODK form instance (the XML of <c>xml_submission_file</c>) into a submission's fields: every leaf
/// element is an answer named by its path below the root, so <c>peserta/fullName</c> and <c>fullName</c> are
/// the field <c>fullName</c> whatever the group nesting or namespace, and <c>meta/instanceID</c> is the idempotency
/// key. The reader refuses DTDs, resolves nothing external and stops at <see cref="MaxCharacters"/>.
/// </summary>
public static class OpenRosaInstance
{
    /// <summary>The most characters an instance may hold; an attendance form's instance is about 1 KB.</summary>
    public const int MaxCharacters = 256 * 1024;

    /// <summary>The deepest group nesting read.</summary>
    public const int MaxDepth = 16;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>The fields, or null with the reason the XML could not be read.</summary>
    public static (SubmissionFields? Fields, string? Error) Read(ReadOnlyMemory<byte> xml)
    {
        var fields = new SubmissionFields();
        var path = new List<string>();
        string? text = null;
        try
        {
            using var stream = new MemoryStream(xml.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        path.Add(reader.LocalName);
                        text = null;
                        if (path.Count > MaxDepth)
                        {
                            return (null, $"the instance nests groups deeper than {MaxDepth} levels.");
                        }

                        if (reader.IsEmptyElement)
                        {
                            Take(fields, path, string.Empty);
                            path.RemoveAt(path.Count - 1);
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        text = (text ?? string.Empty) + reader.Value;
                        break;
                    case XmlNodeType.EndElement:
                        if (text is not null)
                        {
                            Take(fields, path, text);
                        }

                        text = null;
                        path.RemoveAt(path.Count - 1);
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            return (null, $"the instance is not well-formed XML without a DTD: {ex.Message}");
        }

        return (fields.CompleteIds(), null);
    }

    private static void Take(SubmissionFields fields, List<string> path, string value)
    {
        // Below the root element, which names the form.
        if (path.Count > 1)
        {
            fields.TakeNamed(string.Join('/', path.Skip(1)), () => value);
        }
    }
}
