using SessionResume.Common;

namespace SessionResume.Tests.Common;

public class SessionPathsTests
{
    [Theory]
    [InlineData("/home/b/work/repo/src/Foo.cs", "/home/b/work/repo", "src/Foo.cs")]
    [InlineData("/home/b/work/repo/src/App/Models/User.cs", "/home/b/work/repo/", "src/App/Models/User.cs")]
    [InlineData("/home/b/work/repo/./src//App/../Foo.cs", "/home/b/work/repo", "src/Foo.cs")]
    public void A_path_inside_the_root_becomes_relative_with_forward_slashes(string path, string root, string expected)
    {
        Assert.Equal(expected, SessionPaths.ToSessionPath(path, root));
    }

    [Theory]
    [InlineData("/usr/share/dotnet/sdk/10.0.100/Microsoft.Common.CurrentVersion.targets", "/home/b/work/repo", "{ext}/Microsoft.Common.CurrentVersion.targets")]
    [InlineData("/home/b/.nuget/packages/foo/1.0.0/build/Foo.targets", "/home/b/work/repo", "{ext}/Foo.targets")]
    [InlineData("D:\\other\\Bar.cs", "C:\\Users\\a\\src\\repo", "{ext}/Bar.cs")]
    [InlineData("/tmp/x/a.cs", "/home/b/work/repo", "{ext}/a.cs")]   // temp is {tmp} only in identity
    public void A_path_outside_the_root_becomes_ext_and_its_file_name(string path, string root, string expected)
    {
        Assert.Equal(expected, SessionPaths.ToSessionPath(path, root));
    }

    [Fact]
    public void A_sibling_folder_that_merely_starts_with_the_root_name_is_outside()
    {
        Assert.Equal("{ext}/Foo.cs", SessionPaths.ToSessionPath("/home/b/work/repository/src/Foo.cs", "/home/b/work/repo"));
    }

    [Theory]
    [InlineData("C:\\Users\\a\\src\\repo\\src\\Foo.cs", "C:\\Users\\a\\src\\repo", "src/Foo.cs")]
    [InlineData("C:/Users/a/src/repo/src/Foo.cs", "C:\\Users\\a\\src\\repo\\", "src/Foo.cs")]
    [InlineData("C:\\Users\\a\\src\\repo\\src\\Foo.cs", "C:/Users/a/src/repo", "src/Foo.cs")]
    [InlineData("\\\\server\\share\\repo\\src\\Foo.cs", "\\\\server\\share\\repo", "src/Foo.cs")]
    [InlineData("\\\\?\\C:\\Users\\a\\src\\repo\\src\\Foo.cs", "C:\\Users\\a\\src\\repo", "src/Foo.cs")]
    [InlineData("\\\\?\\UNC\\server\\share\\repo\\src\\Foo.cs", "\\\\server\\share\\repo", "src/Foo.cs")]
    public void Windows_paths_relativise_on_any_host(string path, string root, string expected)
    {
        Assert.Equal(expected, SessionPaths.ToSessionPath(path, root));
    }

    [Theory]
    [InlineData("c:\\users\\A\\SRC\\repo\\src\\Foo.cs", "C:\\Users\\a\\src\\Repo", "src/Foo.cs")]
    [InlineData("/Users/Bob/Work/Repo/src/Foo.cs", "/users/bob/work/repo", "src/Foo.cs")]
    public void The_root_is_compared_case_insensitively_and_the_rest_keeps_its_case(string path, string root, string expected)
    {
        Assert.Equal(expected, SessionPaths.ToSessionPath(path, root));
    }

    [Theory]
    [InlineData("file:///C:/Users/a/src/repo/src/My%20Foo.cs", "C:\\Users\\a\\src\\repo", "src/My Foo.cs")]
    [InlineData("file:///home/b/work/my%20repo/src/Foo.cs", "/home/b/work/my repo", "src/Foo.cs")]
    [InlineData("FILE:///home/b/work/repo/src/A%23B.cs", "/home/b/work/repo", "src/A#B.cs")]
    [InlineData("file://localhost/home/b/work/repo/src/Foo.cs", "/home/b/work/repo", "src/Foo.cs")]
    [InlineData("file:///C:/elsewhere/Lib%20One.cs", "C:\\Users\\a\\src\\repo", "{ext}/Lib One.cs")]
    public void File_uris_are_decoded(string path, string root, string expected)
    {
        Assert.Equal(expected, SessionPaths.ToSessionPath(path, root));
    }

    [Theory]
    [InlineData("src/Foo.cs", "src/Foo.cs")]
    [InlineData("src\\App\\Foo.cs", "src/App/Foo.cs")]
    [InlineData("./src/Foo.cs", "src/Foo.cs")]
    [InlineData("../other/Foo.cs", "{ext}/Foo.cs")]
    public void A_relative_path_is_relative_to_the_session_root(string path, string expected)
    {
        Assert.Equal(expected, SessionPaths.ToSessionPath(path, "C:\\Users\\a\\src\\repo"));
    }

    [Theory]
    [InlineData("src/Foo.cs")]
    [InlineData("{ext}/Foo.cs")]
    [InlineData("src/My Foo.cs")]
    public void A_session_path_maps_to_itself(string sessionPath)
    {
        Assert.Equal(sessionPath, SessionPaths.ToSessionPath(sessionPath, "/home/b/work/repo"));
    }

    [Fact]
    public void The_root_itself_is_dot()
    {
        Assert.Equal(".", SessionPaths.ToSessionPath("C:\\Users\\a\\src\\repo\\", "c:\\users\\a\\src\\repo"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void No_path_stays_empty(string path)
    {
        Assert.Equal("", SessionPaths.ToSessionPath(path, "/home/b/work/repo"));
    }

    [Fact]
    public void The_result_is_never_absolute()
    {
        string[] inputs = ["/a/b.cs", "C:\\a\\b.cs", "\\\\srv\\share\\b.cs", "file:///etc/b.cs", "https://example.com/b.cs", "/", "C:\\"];
        foreach (var input in inputs)
        {
            var result = SessionPaths.ToSessionPath(input, "/home/b/work/repo");
            Assert.False(result.StartsWith('/') || result.Contains(':') || result.Contains('\\'), $"{input} -> {result}");
        }
    }
}
