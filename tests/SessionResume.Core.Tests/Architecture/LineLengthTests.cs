using SessionResume.Tests.Common;

namespace SessionResume.Tests.Architecture;

/// <summary>The package's source keeps its lines to a length that reads without scrolling (.editorconfig's max_line_length).</summary>
public class LineLengthTests
{
    const int MaxLineLength = 140;

    [Fact]
    public void No_line_of_the_source_is_longer_than_the_editorconfig_allows()
    {
        var root = ProblemCodesTests.RepositoryRoot();
        var src = Path.Combine(root, "src");
        var tooLong = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(src, f)))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Number: i + 1, line.Length)))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{Path.GetRelativePath(root, l.File).Replace('\\', '/')}:{l.Number} ({l.Length})")
            .ToList();
        Assert.True(tooLong.Count == 0,
            $"Lines longer than {MaxLineLength} characters (.editorconfig's max_line_length under [*.cs]); wrap them:\n" +
            string.Join("\n", tooLong));
    }

    static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
