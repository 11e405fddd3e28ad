using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Views;

namespace SessionResume.Tests.Views;

/// <summary>What the restore says git did since the state: the state's facts against git's now.</summary>
public class SinceTheStateTests
{
    static readonly GitFacts Recorded = new() { Commit = "aaa", Branch = "main", Worktree = "." };

    [Fact]
    public void Nothing_since_says_nothing_and_no_git_says_nothing()
    {
        Assert.Empty(SinceTheState.Lines(Recorded, new GitSince("aaa", "main", ".", 0, null)));
        Assert.Empty(SinceTheState.Lines(Recorded, null));
        Assert.Empty(SinceTheState.Lines(null, new GitSince("bbb", "x", "../other", 3, "b1 \"x\"")));
    }

    [Fact]
    public void Commits_a_branch_and_a_worktree_are_each_said()
    {
        Assert.Equal(
            [
                "⚠ the state was made in another worktree: the main worktree (this is ../repo-wt)",
                "⚠ branch changed: main → (detached HEAD)",
                "⚠ 1 commit since (HEAD bbb1234 \"Parse the rate\")",
            ],
            SinceTheState.Lines(Recorded, new GitSince("bbb", null, "../repo-wt", 1, "bbb1234 \"Parse the rate\"")));
    }

    [Fact]
    public void A_moved_HEAD_that_cannot_be_counted_is_still_said()
    {
        Assert.Equal(["⚠ HEAD moved since (now ccc1234 \"Rebased\")"],
            SinceTheState.Lines(Recorded, new GitSince("ccc", "main", ".", null, "ccc1234 \"Rebased\"")));
    }
}
