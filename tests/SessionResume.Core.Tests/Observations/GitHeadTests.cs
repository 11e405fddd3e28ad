using SessionResume.Observations;

namespace SessionResume.Tests.Observations;

/// <summary>`git rev-parse HEAD --abbrev-ref HEAD --git-common-dir`, read: commit, branch, and the worktree relative to the main one.</summary>
public class GitHeadTests
{
    static readonly string Main = Path.Combine(Path.GetTempPath(), "app");

    [Fact]
    public void The_main_worktree_is_dot_and_a_linked_one_is_relative_to_it()
    {
        Assert.Equal(new GitHead("abc", "main", "."), GitHead.Parse("abc\nmain\n.git\n", Main));
        var linked = Path.Combine(Path.GetTempPath(), "app-feature");
        Assert.Equal(new GitHead("abc", "feature/x", "../app-feature"), GitHead.Parse($"abc\nfeature/x\n{Path.Combine(Main, ".git")}\n", linked));
        Assert.Equal("src/sub", GitHead.Parse("abc\nmain\n../../.git\n", Path.Combine(Main, "src", "sub"))!.Worktree);
    }

    [Fact]
    public void A_detached_HEAD_has_no_branch_and_too_little_output_is_nothing()
    {
        Assert.Null(GitHead.Parse("abc\nHEAD\n.git\n", Main)!.Branch);
        Assert.Null(GitHead.Parse("HEAD\n", Main));
    }
}
