using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>A solution of several projects built in parallel (-m): every project's errors land, none lost.</summary>
public class SolutionTests
{
    const string Alpha = "src/Alpha/Alpha.csproj";
    const string Beta = "src/Beta/Beta.csproj";
    const string Gamma = "src/Gamma/Gamma.csproj";
    const string Delta = "src/Delta/Delta.csproj";

    /// <summary>Four independent projects: Alpha has two errors, Beta and Delta one each, Gamma none.</summary>
    static (ThrowawayRepo Repo, string Solution) CreateSolution(string name)
    {
        var repo = ThrowawayRepo.Create(name);
        repo.AddClassLibrary("Alpha", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement, ns: "Alpha"));
        repo.WriteFile("src/Alpha/Unknown.cs", Sources.UnknownName("Alpha"));
        repo.AddClassLibrary("Beta", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement, ns: "Beta"));
        repo.AddClassLibrary("Gamma", "Clean.cs", Sources.Clean("Gamma"));
        repo.AddClassLibrary("Delta", "Unknown.cs", Sources.UnknownName("Delta"));
        var solution = repo.AddSolution("All", Alpha, Beta, Gamma, Delta);
        return (repo, solution);
    }

    [Fact]
    public void Errors_of_every_project_of_a_parallel_solution_build_are_kept_and_fixing_one_project_leaves_the_others()
    {
        var (repo, solution) = CreateSolution(nameof(SolutionTests));
        using var _ = repo;

        var build = repo.Build(solution, "-m");
        Check.That(build.ExitCode != 0, repo.Describe());

        var state = repo.ReadState();
        var byProject = Unresolved(state).GroupBy(e => Str(e, "project") ?? "(none)").ToDictionary(g => g.Key, g => g.ToList());
        var context = repo.Describe();
        Check.That(byProject.GetValueOrDefault(Alpha)?.Count == 2, "Alpha has two errors.\n" + context);
        Check.That(byProject.GetValueOrDefault(Beta)?.Count == 1, "Beta has one error.\n" + context);
        Check.That(byProject.GetValueOrDefault(Delta)?.Count == 1, "Delta has one error.\n" + context);
        Check.That(Unresolved(state).Count == 4, "Exactly four errors in all.\n" + context);
        Assert.Contains(byProject[Alpha], e => Str(e, "code") == "CS0029" && Str(e, "file") == "src/Alpha/Calculator.cs");
        Assert.Contains(byProject[Alpha], e => Str(e, "code") == "CS0103" && Str(e, "file") == "src/Alpha/Unknown.cs");
        Assert.Contains(byProject[Beta], e => Str(e, "code") == "CS0029" && Str(e, "file") == "src/Beta/Calculator.cs");
        Assert.Contains(byProject[Delta], e => Str(e, "code") == "CS0103" && Str(e, "file") == "src/Delta/Unknown.cs");
        var betaFingerprint = Str(byProject[Beta][0], "fingerprint");

        // Fix Beta only; everything is rebuilt, Alpha and Delta still fail.
        repo.WriteFile("src/Beta/Calculator.cs", Sources.Calculator(Sources.FixedStatement, ns: "Beta"));
        var second = repo.Rebuild(solution, "-m");
        Check.That(second.ExitCode != 0, repo.Describe());

        state = repo.ReadState();
        context = repo.Describe();
        var unresolved = Unresolved(state);
        Check.That(unresolved.Count(e => Str(e, "project") == Alpha) == 2, "Alpha's errors stay.\n" + context);
        Check.That(unresolved.Count(e => Str(e, "project") == Delta) == 1, "Delta's error stays.\n" + context);
        Check.That(unresolved.All(e => Str(e, "project") != Beta), "Beta's error leaves errors.unresolved.\n" + context);
        Check.That(unresolved.Count == 3, context);
        Assert.Contains(Resolved(state), e => Str(e, "fingerprint") == betaFingerprint);
        Check.That(unresolved.Where(e => Str(e, "project") == Alpha).All(e => Int(e, "attempts") == 2),
            "Alpha was recompiled with its errors still there: attempts 2.\n" + context);
    }

    [Fact]
    public void SessionRestore_on_a_solution_prints_the_summary_once()
    {
        var (repo, solution) = CreateSolution(nameof(SessionRestore_on_a_solution_prints_the_summary_once));
        using var _ = repo;

        repo.Build(solution, "-m");
        Check.That(repo.StateExists, repo.Describe());

        var restore = repo.MSBuild(solution, "SessionRestore");
        Check.That(restore.Succeeded, repo.Describe());
        var headers = Printed.CountOccurrences(restore.Output, "Previous Session Found");
        Check.That(headers == 1, $"'Previous Session Found' printed {headers} times.\n{repo.Describe()}");
        Assert.Contains("📋 Previous Session Found", restore.Output);
        Assert.Matches(@"⚠\s*4 unresolved errors?", restore.Output);
        Check.That(Printed.CountOccurrences(restore.Output, "Suggested next action:") == 1, repo.Describe());
    }
}
