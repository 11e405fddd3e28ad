using System.Text.Json.Nodes;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>One compile error through its life: recorded, attempted again, fixed, brought back.</summary>
public class ErrorLifecycleTests
{
    const string Source = "src/Lib/Calculator.cs";
    const string ErrorMessage = "Cannot implicitly convert type 'string' to 'int'";

    static (ThrowawayRepo Repo, string Project) CreateBrokenLibrary()
    {
        var repo = ThrowawayRepo.Create(nameof(ErrorLifecycleTests));
        var project = repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        return (repo, project);
    }

    static JsonObject SingleUnresolved(ThrowawayRepo repo, JsonObject state)
    {
        var unresolved = Unresolved(state);
        Check.That(unresolved.Count == 1, $"Expected exactly one unresolved error, found {unresolved.Count}.\n{repo.Describe()}");
        return unresolved[0];
    }

    [Fact]
    public void A_compile_error_fails_the_build_as_before_and_is_recorded_with_the_contract_keys()
    {
        var (repo, project) = CreateBrokenLibrary();
        using var _ = repo;

        var withoutPackage = repo.Build(project, $"-p:{ThrowawayRepo.WithoutPackageProperty}=true");
        Check.That(withoutPackage.ExitCode != 0 && !withoutPackage.TimedOut, repo.Describe());
        Check.Not(repo.StateExists, "Without the package there must be no state file.\n" + repo.Describe());

        var build = repo.Build(project);
        Check.That(build.ExitCode == withoutPackage.ExitCode,
            $"Exit code {build.ExitCode} with the package, {withoutPackage.ExitCode} without.\n{repo.Describe()}");
        Assert.Contains("error CS0029", build.Output);

        var text = repo.ReadStateText();
        var entry = SingleUnresolved(repo, repo.ReadState());
        var context = Show(entry) + "\n" + repo.Describe();
        Check.That(Str(entry, "file") == Source, context);
        Check.That(Int(entry, "line") == Sources.LineOf(Sources.Calculator(Sources.BrokenStatement), Sources.BrokenStatement), context);
        Check.That(Str(entry, "error")?.Contains(ErrorMessage, StringComparison.Ordinal) == true, context);
        Check.That(Int(entry, "attempts") == 1, context);
        Check.Not(string.IsNullOrWhiteSpace(Str(entry, "fingerprint")), context);
        Check.That(Str(entry, "code") == "CS0029", context);
        Check.That(Str(entry, "project") == project, context);

        // The session is named after the repository, and the next prompt is generated from the error.
        var state = repo.ReadState();
        Check.That(Str(state, "project") == Path.GetFileName(repo.Root), "project is the repository's name.\n" + repo.Describe());
        Check.That(Strings(state, "next_prompts").Any(p => p.Contains("CS0029", StringComparison.Ordinal) && p.Contains(Source, StringComparison.Ordinal)),
            "next_prompts suggests fixing the error.\n" + repo.Describe());

        // Paths are relative with '/', never absolute: the file must read the same on another machine.
        Assert.DoesNotContain(repo.Root, text);
        Assert.DoesNotContain("\\\\", text);
    }

    [Fact]
    public void Rebuilding_with_the_error_still_there_counts_a_second_attempt_with_the_same_fingerprint()
    {
        var (repo, project) = CreateBrokenLibrary();
        using var _ = repo;

        repo.Build(project);
        var first = SingleUnresolved(repo, repo.ReadState());

        repo.Touch(Source);
        var second = repo.Rebuild(project);
        Check.That(second.ExitCode != 0, repo.Describe());
        var entry = SingleUnresolved(repo, repo.ReadState());
        var context = Show(entry) + "\n" + repo.Describe();
        Check.That(Int(entry, "attempts") == 2, context);
        Check.That(Str(entry, "fingerprint") == Str(first, "fingerprint"), context);
    }

    [Fact]
    public void Fixing_the_error_moves_it_to_resolved_with_a_resolution_that_says_what_changed()
    {
        var (repo, project) = CreateBrokenLibrary();
        using var _ = repo;

        repo.Build(project);
        var fingerprint = Str(SingleUnresolved(repo, repo.ReadState()), "fingerprint");

        repo.WriteFile(Source, Sources.Calculator(Sources.FixedStatement));
        var fixedBuild = repo.Rebuild(project);
        Check.That(fixedBuild.Succeeded, repo.Describe());

        var state = repo.ReadState();
        Check.That(Unresolved(state).Count == 0, "Nothing may stay unresolved after the fix.\n" + repo.Describe());
        var resolved = Resolved(state).Where(e => Str(e, "fingerprint") == fingerprint).ToList();
        Check.That(resolved.Count == 1, $"Expected the fixed error (fingerprint {fingerprint}) once in errors.resolved.\n{repo.Describe()}");
        var entry = resolved[0];
        var context = Show(entry) + "\n" + repo.Describe();
        Check.That(Str(entry, "code") == "CS0029", context);
        Check.That(Str(entry, "file") == Source, context);
        Check.That(Str(entry, "error")?.Contains(ErrorMessage, StringComparison.Ordinal) == true, context);
        var resolution = Str(entry, "resolution");
        Check.Not(string.IsNullOrWhiteSpace(resolution), context);
        // "says what changed at that place (for example the offending line before and after)"
        Check.That(resolution!.Contains("int x = 1", StringComparison.Ordinal), "The resolution should show the new line.\n" + context);
        Check.That(resolution.Contains("int x = \"a\"", StringComparison.Ordinal), "The resolution should show the old line.\n" + context);
    }

    [Fact]
    public void The_same_error_brought_back_on_another_line_keeps_its_fingerprint_and_the_build_says_it_was_seen_before()
    {
        var (repo, project) = CreateBrokenLibrary();
        using var _ = repo;

        repo.Build(project);
        var original = SingleUnresolved(repo, repo.ReadState());

        repo.WriteFile(Source, Sources.Calculator(Sources.FixedStatement));
        Check.That(repo.Rebuild(project).Succeeded, repo.Describe());

        var movedSource = Sources.Calculator(Sources.BrokenStatement, commentLinesAbove: 3);
        repo.WriteFile(Source, movedSource);
        var again = repo.Rebuild(project);
        Check.That(again.ExitCode != 0, "The error is back: the build must fail.\n" + repo.Describe());
        Assert.Contains("error CS0029", again.Output);

        var entry = SingleUnresolved(repo, repo.ReadState());
        var context = Show(entry) + "\n" + repo.Describe();
        Check.That(Int(entry, "line") == Sources.LineOf(movedSource, Sources.BrokenStatement), context);
        Check.That(Int(entry, "line") != Int(original, "line"), context);
        Check.That(Str(entry, "fingerprint") == Str(original, "fingerprint"), context);

        var warning = Printed.Lines(again.Output).FirstOrDefault(l => l.Contains("warning SR0101", StringComparison.Ordinal));
        Check.That(warning is not null, "Expected an SR0101 warning in the build output.\n" + repo.Describe());
        Assert.Contains("This error was seen before", warning);
        Assert.Contains("Previous resolution", warning);
        Assert.Contains("int x = 1", warning);

        // The restore summary lists the recurrence too.
        var restore = repo.MSBuild(project, "SessionRestore");
        Check.That(restore.Succeeded, repo.Describe());
        Check.That(restore.Output.Contains("seen before", StringComparison.OrdinalIgnoreCase),
            "SessionRestore should list the error that came back.\n" + repo.Describe());
    }
}
