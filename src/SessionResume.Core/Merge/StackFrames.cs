using System.Text.RegularExpressions;
using SessionResume.Common;

namespace SessionResume.Merge;

/// <summary>Finds the top stack frame inside the repository: where a failing test should be looked at.</summary>
public static partial class StackFrames
{
    [GeneratedRegex(@"^\s*at (?<method>.+?) in (?<file>.+?):line (?<line>\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FrameWithSource();

    public sealed record Frame(string Method, string File, int Line);

    /// <summary>The first frame whose file is under the session root, with its path relative to the root.</summary>
    public static Frame? TopInRepository(string? stackTrace, string sessionRoot) => Top(stackTrace, sessionRoot, inFile: null);

    /// <summary>The first frame in <paramref name="inFile"/> (relative to the root): where a test's own code failed.</summary>
    public static Frame? TopInFile(string? stackTrace, string sessionRoot, string inFile) => Top(stackTrace, sessionRoot, inFile);

    static Frame? Top(string? stackTrace, string sessionRoot, string? inFile)
    {
        if (string.IsNullOrEmpty(stackTrace)) return null;
        foreach (Match m in FrameWithSource().Matches(stackTrace))
        {
            var file = SessionPaths.ToSessionPath(m.Groups["file"].Value.Trim(), sessionRoot);
            if (!file.StartsWith('{') && (inFile is null || file == inFile) && int.TryParse(m.Groups["line"].Value, out var line))
                return new Frame(m.Groups["method"].Value.Trim(), file, line);
        }
        return null;
    }
}
