using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Store;

public class GitIgnoreBlockTests
{
    [Fact]
    public void The_block_is_appended_once_and_keeps_what_was_there()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(".gitignore"), "bin/\nobj/");
        Assert.True(GitIgnoreBlock.Ensure(dir.Path));
        Assert.False(GitIgnoreBlock.Ensure(dir.Path));
        var text = File.ReadAllText(dir.File(".gitignore"));
        Assert.StartsWith("bin/\nobj/\n\n# >>> SessionResume.Build", text);
        Assert.Single(text.Split('\n'), l => l == "/.session-state.json");
        Assert.Contains("/.session-history/", text);
        Assert.Contains("/token-cache/", text);
    }

    [Fact]
    public void A_file_with_crlf_line_ends_gets_the_block_with_crlf_too()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(".gitignore"), "bin/\r\nobj/");
        Assert.True(GitIgnoreBlock.Ensure(dir.Path));
        var text = File.ReadAllText(dir.File(".gitignore"));
        Assert.StartsWith("bin/\r\nobj/\r\n\r\n# >>> SessionResume.Build", text);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);   // no line ends in LF alone
        Assert.EndsWith("# <<< SessionResume.Build\r\n", text);
    }
}
