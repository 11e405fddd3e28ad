using System.Text;
using System.Text.RegularExpressions;

namespace SessionResume.Fingerprints;

/// <summary>
/// Turns a diagnostic or test-failure message into the text that enters a fingerprint
/// (docs/fingerprints.md, "Normalisation", steps 1 to 3): what differs between builds, machines and
/// sessions without the problem differing is removed or masked; everything else is kept verbatim.
/// The result is for hashing, not for showing.
/// </summary>
public static partial class MessageNormalizer
{
    // Only the first two lines count, and a line this long is a dump, not a message: capping it keeps
    // the patterns below linear in practice.
    const int MaxLineLength = 4000;

    public static string Normalize(string message, string sessionRoot)
    {
        if (string.IsNullOrEmpty(message)) return "";
        var text = ToNfc(message).Replace("\r\n", "\n").Replace('\r', '\n');

        var lines = text.Split('\n')
            .Select(StripDecorations)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Take(2)
            .Select(line => line.Length > MaxLineLength ? line[..MaxLineLength] : line);
        text = string.Join('\n', lines);

        text = MessageMasks.MaskUrls(text);            // before paths: "https://host/a/b" is not a Unix path
        text = MessagePaths.Replace(text, sessionRoot);
        text = BuildOutputPaths.WithPlaceholdersInText(text);
        text = MessageMasks.MaskVolatileValues(text);
        return CollapseWhiteSpace(text);
    }

    /// <summary>
    /// Step 1: what MSBuild adds around the compiler's text. The project and target framework are kept
    /// as metadata elsewhere; in the message they would split one problem into one per target.
    /// A whole canonical line ("src/Foo.cs(42,9): error CS0029: text") is reduced to its text, so that
    /// severity and position never reach identity even when a caller passes console output.
    /// </summary>
    static string StripDecorations(string line)
    {
        line = NodePrefix().Replace(line, "");
        line = ProjectSuffix().Replace(line, "");
        return CanonicalPrefix().Replace(line, "");
    }

    static string CollapseWhiteSpace(string text) =>
        string.Join('\n', text.Split('\n').Select(line => HorizontalWhiteSpace().Replace(line, " ").Trim()));

    /// <summary>NFC, so that "é" typed and "é" pasted (e + combining accent) are one message.</summary>
    static string ToNfc(string text)
    {
        try { return text.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { return text; }   // a lone surrogate: hash the text as it is
    }

    // "12>" in front of every line MSBuild prints with -m.
    [GeneratedRegex(@"^\s*[0-9]{1,5}>\s*")]
    private static partial Regex NodePrefix();

    // " [C:\repo\src\App\App.csproj]", " [/repo/App.csproj::TargetFramework=net8.0]"
    [GeneratedRegex(@"\s*\[[^\[\]\r\n]*\.(?:[A-Za-z]*proj|sln|slnx|metaproj)(?:::[^\[\]\r\n]*)?\]\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProjectSuffix();

    // "origin(line,col): [subcategory] error|warning|info CODE: " where origin is a file or a tool (CSC,
    // MSBUILD), or just "error CODE: ".
    [GeneratedRegex(@"^\s*(?:(?:\S.*?\([0-9]+(?:[,-][0-9]+){0,3}\)|[A-Za-z]:[^\s:(]*|[^\s:]+)?\s*:\s*(?:[\w ]+ )?)?" +
        @"(?:error|warning|info)\s+[A-Za-z]+[0-9]+\s*:\s*", RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalPrefix();

    [GeneratedRegex(@"[^\S\n]+")]
    private static partial Regex HorizontalWhiteSpace();
}
