using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Store;

public class SessionLocationTests
{
    [Fact]
    public void The_nearest_folder_with_git_is_the_root_and_the_state_file_sits_there()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File(".git"));
        var project = Directory.CreateDirectory(dir.File("src/App")).FullName;
        var location = SessionLocation.Resolve(null, project, null, null);
        Assert.Equal(dir.Path, location.Root);
        Assert.Equal(dir.File(".session-state.json"), location.StateFile);
        Assert.True(location.IsGitRepository);
    }

    [Fact]
    public void A_git_file_as_in_worktrees_also_marks_the_root()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(".git"), "gitdir: /elsewhere");
        var project = Directory.CreateDirectory(dir.File("src")).FullName;
        Assert.Equal(dir.Path, SessionLocation.Resolve(null, project, null, null).Root);
    }

    [Fact]
    public void Without_git_the_solution_folder_then_the_project_folder_is_the_root()
    {
        using var dir = new TempDirectory();
        var project = Directory.CreateDirectory(dir.File("src/App")).FullName;
        if (HasGitAbove(dir.Path)) return;   // a temp folder inside a repository cannot show this
        Assert.Equal(dir.Path, SessionLocation.Resolve(null, project, dir.Path + "/", null).Root);
        Assert.Equal(project, SessionLocation.Resolve(null, project, "*Undefined*", null).Root);
    }

    [Fact]
    public void Explicit_root_and_state_file_win()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File(".git"));
        var elsewhere = Directory.CreateDirectory(dir.File("other")).FullName;
        var location = SessionLocation.Resolve(elsewhere, dir.Path, null, "state/my.json");
        Assert.Equal(elsewhere, location.Root);
        Assert.Equal(Path.Combine(elsewhere, "state", "my.json"), location.StateFile);
    }

    static bool HasGitAbove(string path)
    {
        for (var d = new DirectoryInfo(path); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git"))) return true;
        return false;
    }
}
