using System.Text;
using SessionResume.Common;
using SessionResume.Lifecycle;

namespace SessionResume.Views;

/// <summary>
/// summaries.md as a title, a preamble and sections. A section starts at a line "## &lt;session id&gt;"
/// (followed by a space or nothing) and runs to the next such line. What a person adds is kept this way:
/// <list type="bullet">
/// <item>text above the first section (below the title) stays there, untouched, for good;</item>
/// <item>text below a section's lines, other headings included, belongs to that section: it moves with it,
/// and goes when the section is replaced (the same session saved again) or dropped (too old).</item>
/// </list>
/// Any text parses: there is no content that makes this fail, only content that ends up in the preamble.
/// </summary>
internal sealed class SummariesDocument
{
    public const string Title = "# Session summaries";

    readonly string preamble;
    readonly List<(string Id, string Text)> sections;

    SummariesDocument(string preamble, List<(string Id, string Text)> sections)
    {
        this.preamble = preamble;
        this.sections = sections;
    }

    public static SummariesDocument Parse(string text)
    {
        var preambleLines = new List<string>();
        var sections = new List<(string Id, List<string> Lines)>();
        foreach (var line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            if (HeadingId(line) is { } id) sections.Add((id, [line]));
            else if (sections.Count > 0) sections[^1].Lines.Add(line);
            else preambleLines.Add(line);
        }
        // The title is written afresh every time; only a person's own lines above the sections are kept.
        preambleLines.RemoveAll(l => l.Trim() == Title);
        return new SummariesDocument(
            TrimBlankLines(preambleLines),
            sections.Select(s => (s.Id, TrimBlankLines(s.Lines))).ToList());
    }

    /// <summary>
    /// Replaces the first section of <paramref name="id"/> where it stands (and drops any duplicates of
    /// it), else puts it first.
    /// </summary>
    public void Put(string id, string sectionText)
    {
        var text = sectionText.TrimEnd('\n');
        var at = sections.FindIndex(s => s.Id == id);
        if (at < 0)
        {
            sections.Insert(0, (id, text));
            return;
        }
        sections[at] = (id, text);
        for (var i = sections.Count - 1; i > at; i--)
            if (sections[i].Id == id) sections.RemoveAt(i);
    }

    /// <summary>Drops the oldest (last) sections beyond the caps; never the one of <paramref name="keep"/>.</summary>
    public void Trim(int maxSections, int maxBytes, string keep)
    {
        while (sections.Count > maxSections && DropOldest(keep)) { }
        while (Encoding.UTF8.GetByteCount(Render()) > maxBytes && DropOldest(keep)) { }
    }

    bool DropOldest(string keep)
    {
        var last = sections.FindLastIndex(s => s.Id != keep);
        if (last < 0) return false;
        sections.RemoveAt(last);
        return true;
    }

    /// <summary>Title, preamble, sections; one blank line between blocks, LF, one final newline.</summary>
    public string Render()
    {
        var blocks = new List<string> { Title };
        if (preamble.Length > 0) blocks.Add(preamble);
        blocks.AddRange(sections.Select(s => s.Text));
        return string.Join("\n\n", blocks) + "\n";
    }

    /// <summary>The session id of a section heading, or null when the line is anything else.</summary>
    static string? HeadingId(string line)
    {
        if (!line.StartsWith("## ", StringComparison.Ordinal)) return null;
        var rest = line[3..];
        var end = rest.IndexOfAny([' ', '\t']);
        var id = end < 0 ? rest : rest[..end];
        return SessionIdFormat.IsValid(id) ? id : null;
    }

    static string TrimBlankLines(List<string> lines)
    {
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first < 0) return "";
        var last = lines.FindLastIndex(l => l.Trim().Length > 0);
        // Lines stay as written (two trailing spaces are a markdown line break).
        return string.Join('\n', lines.Skip(first).Take(last - first + 1));
    }
}
