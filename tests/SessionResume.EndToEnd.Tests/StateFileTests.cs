using System.Text.Json.Nodes;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>The state file as a person or agent sees it: their edits, a broken file, turning it off, .gitignore.</summary>
public class StateFileTests
{
    const string CorruptContent = "{ not json";

    [Fact]
    public void A_hand_edited_state_file_keeps_its_objectives_todos_and_unknown_keys_through_a_build()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.FixedStatement));
        Check.That(repo.Build(project).Succeeded, repo.Describe());

        var state = repo.ReadState();
        var objectives = state["objectives"] as JsonObject ?? new JsonObject();
        objectives["primary"] = "Make the end-to-end suite green";
        state["objectives"] = objectives;
        state["todos"] = new JsonArray("Write the README section on -warnaserror");
        state["my_notes"] = new JsonObject { ["a"] = 1 };
        state["next_prompts"] = new JsonArray("Ask about the release date first");
        repo.WriteState(state);

        // A change the package must record (a new error), so the file is really rewritten.
        repo.WriteFile("src/Lib/Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        var build = repo.Rebuild(project);
        Check.That(build.ExitCode != 0, repo.Describe());

        var after = repo.ReadState();
        var context = repo.Describe();
        Check.That(Unresolved(after).Count == 1, "The build's error is recorded.\n" + context);
        Check.That(Str(after["objectives"], "primary") == "Make the end-to-end suite green", context);
        Check.That(JsonNode.DeepEquals(after["todos"], new JsonArray("Write the README section on -warnaserror")), context);
        Check.That(JsonNode.DeepEquals(after["my_notes"], new JsonObject { ["a"] = 1 }), context);
        // A person's own next prompt is kept, first; the generated one for the new error may follow.
        var prompts = Strings(after, "next_prompts");
        Check.That(prompts.Count >= 1 && prompts[0] == "Ask about the release date first", "next_prompts: the hand-written one stays first.\n" + context);
    }

    [Fact]
    public void A_corrupt_state_file_is_kept_aside_with_a_warning_and_a_passing_build_still_passes()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        repo.WriteFile(ThrowawayRepo.StateFileName, CorruptContent);

        var build = repo.Build(project);
        Check.That(build.Succeeded, "The build passes without the corruption, so it must pass with it.\n" + repo.Describe());
        AssertCorruptFileKeptAside(repo, build);

        var state = repo.ReadState();
        Check.That(Int(state, "schema_version") == 1, "A fresh state is written.\n" + repo.Describe());
    }

    [Fact]
    public void A_corrupt_state_file_does_not_hide_a_failing_build()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        repo.WriteFile(ThrowawayRepo.StateFileName, CorruptContent);

        var build = repo.Build(project);
        // A failing `dotnet build` exits with 1 (compare ErrorLifecycleTests, which checks it without the package).
        Check.That(build.ExitCode == 1, repo.Describe());
        Assert.Contains("error CS0029", build.Output);
        AssertCorruptFileKeptAside(repo, build);

        var state = repo.ReadState();
        Assert.Contains(Unresolved(state), e => Str(e, "code") == "CS0029");
    }

    [Fact]
    public void Under_warnaserror_the_package_warning_about_a_corrupt_state_file_does_not_fail_a_passing_build()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        repo.WriteFile(ThrowawayRepo.StateFileName, CorruptContent);

        var build = repo.Build(project, "-warnaserror");
        Check.That(build.Succeeded, "-warnaserror must not turn the package's SR warning into a failure.\n" + repo.Describe());
        Assert.Contains("warning SR0001", build.Output);
        Assert.DoesNotContain("error SR", build.Output);

        // The same with TreatWarningsAsErrors (recompile so the package runs again).
        repo.WriteFile(ThrowawayRepo.StateFileName, CorruptContent);
        repo.Touch("src/Lib/Clean.cs");
        var again = repo.Rebuild(project, "-warnaserror", "-p:TreatWarningsAsErrors=true");
        Check.That(again.Succeeded, "TreatWarningsAsErrors must not turn the package's SR warning into a failure.\n" + repo.Describe());
        Assert.Contains("warning SR0001", again.Output);
        Assert.DoesNotContain("error SR", again.Output);
    }

    [Fact]
    public void SessionResumeEnabled_false_writes_no_state_and_leaves_the_gitignore_alone()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));

        var build = repo.Build(project, "-p:SessionResumeEnabled=false");
        Check.That(build.ExitCode == 1, "The failure is still reported.\n" + repo.Describe());
        Check.Not(repo.StateExists, repo.Describe());
        var leftovers = Directory.GetFiles(repo.Root, ".session-state*");
        Check.That(leftovers.Length == 0, "No file of the package: " + string.Join(", ", leftovers) + "\n" + repo.Describe());
        Assert.Equal(ThrowawayRepo.InitialGitIgnore, repo.ReadFile(".gitignore"));
    }

    [Fact]
    public void The_gitignore_gets_one_marked_block_that_is_never_duplicated()
    {
        using var repo = ThrowawayRepo.Create();
        var project = repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));

        Check.That(repo.Build(project).Succeeded, repo.Describe());
        var afterFirst = repo.ReadFile(".gitignore");
        var context = $"--- .gitignore ---\n{afterFirst}\n{repo.Describe()}";
        Check.That(afterFirst.StartsWith(ThrowawayRepo.InitialGitIgnore, StringComparison.Ordinal), "The user's lines stay first and unchanged.\n" + context);
        var block = afterFirst[ThrowawayRepo.InitialGitIgnore.Length..];
        Assert.Contains(".session-state.json", block);
        Check.That(Printed.Lines(block).Any(l => l.TrimStart().StartsWith('#')), "The block is marked with a comment.\n" + context);

        // The ignore lines really work: git sees none of the package's files (state, lock).
        var status = repo.Git("status", "--porcelain", "--untracked-files=all");
        Check.That(!status.Output.Contains(".session", StringComparison.Ordinal), "git must not see the package's files.\n" + status);

        // A second build that writes the state, and a third that starts a new state file: still one block.
        repo.Touch("src/Lib/Clean.cs");
        Check.That(repo.Rebuild(project).Succeeded, repo.Describe());
        File.Delete(repo.StatePath);
        repo.Touch("src/Lib/Clean.cs");
        Check.That(repo.Rebuild(project).Succeeded, repo.Describe());
        Check.That(repo.StateExists, repo.Describe());

        var afterThird = repo.ReadFile(".gitignore");
        Check.That(afterThird == afterFirst, $"The block must appear exactly once.\n--- after the first build ---\n{afterFirst}\n--- now ---\n{afterThird}");
    }

    static void AssertCorruptFileKeptAside(ThrowawayRepo repo, CommandResult build)
    {
        var copies = repo.CorruptStateCopies();
        var everywhere = Directory.GetFiles(repo.Root, "*corrupt*", SearchOption.AllDirectories);
        Check.That(copies.Length == 1,
            $"Expected one {ThrowawayRepo.StateFileName}.corrupt-* at the root; found: {string.Join(", ", everywhere)}\n{repo.Describe(build)}");
        Assert.Equal(CorruptContent, File.ReadAllText(copies[0]));

        var warning = Printed.Lines(build.Output).FirstOrDefault(l => l.Contains("warning SR0001", StringComparison.Ordinal));
        Check.That(warning is not null, "Expected an SR0001 warning.\n" + repo.Describe(build));
        Check.That(warning!.Contains(Path.GetFileName(copies[0]), StringComparison.Ordinal),
            $"The warning must say where the file went ({Path.GetFileName(copies[0])}).\n{warning}");
    }
}
