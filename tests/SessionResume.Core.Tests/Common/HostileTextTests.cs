using SessionResume.Common;
using SessionResume.Model;
using SessionResume.Tests.Support;

namespace SessionResume.Tests.Common;

/// <summary>Compiler and test text that could harm a terminal, a reader or the file: stored and printed safely.</summary>
public class HostileTextTests
{
    [Theory]
    [InlineData("\u001b[31mred\u001b[0m error", "red error")]
    [InlineData("title \u001b]0;pwned\u0007done", "title done")]
    [InlineData("bell\u0007 and null\0 and backspace\b", "bell and null and backspace")]
    [InlineData("line one\r\nline two\rline three", "line one\nline two\nline three")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("admin\u202E\u2066txt.exe\u2069", "admintxt.exe")]
    [InlineData("mark\u200Fhere", "markhere")]
    [InlineData("emoji 🚀 and 中文 kept", "emoji 🚀 and 中文 kept")]
    public void Clean_removes_what_could_mislead_or_break_and_keeps_ordinary_text(string input, string expected) =>
        Assert.Equal(expected, Text.Clean(input));

    /// <summary>Not as InlineData: xunit's test case serialization would replace the lone surrogates itself.</summary>
    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        Assert.Equal("lone \uFFFD surrogate", Text.Clean("lone \uD800 surrogate"));
        Assert.Equal("low first \uFFFD", Text.Clean("low first \uDC00"));
        Assert.Equal("pair 🚀 kept", Text.Clean("pair \uD83D\uDE80 kept"));
    }

    [Fact]
    public void Ordinary_text_is_returned_without_a_copy()
    {
        var text = "Cannot implicitly convert type 'string' to 'int'";
        Assert.Same(text, Text.Clean(text));
    }

    [Fact]
    public void Shorten_marks_the_cut_and_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 9) + "🚀" + new string('b', 100);
        var cut = Text.Shorten(text, 10);
        Assert.StartsWith(new string('a', 9) + "…", cut);
        Assert.EndsWith("more chars]", cut);
        Assert.DoesNotContain('\uD83D', cut);
    }

    [Fact]
    public void A_hostile_compiler_message_is_stored_clean_short_and_valid()
    {
        var build = new BuildFixture();
        var message = "\u001b[1mCannot\u001b[0m convert \u202Eevil\0 " + new string('x', 100_000) + " \uD800";
        build.Build(BuildFixture.Error("CS0029", "src/My Folder/Ünïcode.cs", 3, message));

        var json = StateJson.Serialize(build.State);
        var entry = Assert.Single(StateJson.Deserialize(json).Errors.Unresolved);
        Assert.StartsWith("Cannot convert evil xxx", entry.Error);
        Assert.True(entry.Error.Length < 600, $"{entry.Error.Length} chars");
        Assert.Contains("more chars]", entry.Error);
        Assert.DoesNotContain('\u001b', json);
        Assert.DoesNotContain("\\u001B", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("src/My Folder/Ünïcode.cs", entry.File);
    }

    [Theory]
    [InlineData("/etc/passwd", "{ext}/passwd")]
    [InlineData("/repo/../etc/shadow", "{ext}/shadow")]
    [InlineData("/repo/src/../../outside.cs", "{ext}/outside.cs")]
    [InlineData("../../secret.cs", "{ext}/secret.cs")]
    [InlineData("/repo/src/a b/ç.cs", "src/a b/ç.cs")]
    public void Paths_outside_the_root_are_never_written_as_absolute_paths(string path, string expected) =>
        Assert.Equal(expected, SessionPaths.ToSessionPath(path, "/repo"));
}
