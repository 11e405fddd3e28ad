using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>
/// build.projects and the restore's first line: every build leaves how it ended, and a failure the
/// compiler did not report (a task's MSB error, a target after Build) is never read as an
/// all-clear. The oracle is the build's own exit code and error lines.
/// </summary>
public class BuildOutcomeTests
{
    const string Project = "src/Lib/Lib.csproj";

    /// <summary>A Copy of a file that does not exist: MSB3030, in a target of its own.</summary>
    static string MissingCopy(string hook) => $"""
          <Target Name="CopyMissing" {hook}>
            <Copy SourceFiles="does-not-exist.txt" DestinationFolder="$(OutDir)" />
          </Target>
        """;

    static ThrowawayRepo CleanLibrary(string name)
    {
        var repo = ThrowawayRepo.Create(name);
        repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        return repo;
    }

    static void AddTarget(ThrowawayRepo repo, string target) =>
        repo.WriteFile(Project, repo.ReadFile(Project).Replace("</Project>", target + "\n</Project>", StringComparison.Ordinal));

    static void RemoveTarget(ThrowawayRepo repo, string target) =>
        repo.WriteFile(Project, repo.ReadFile(Project).Replace(target + "\n", "", StringComparison.Ordinal));

    static JsonObject? Outcome(ThrowawayRepo repo) =>
        repo.ReadState()["build"]?["projects"]?[Project] as JsonObject;

    /// <summary>The lines the restore prints after its header, up to the project line.</summary>
    static List<string> Opening(CommandResult restore)
    {
        var lines = Printed.Lines(restore.Output).Select(l => l.Trim()).ToList();
        var header = lines.FindIndex(l => l.Contains("Previous Session Found", StringComparison.Ordinal));
        Check.That(header >= 0, "No summary was printed.\n" + restore);
        return lines.Skip(header + 1).TakeWhile(l => !l.StartsWith("Project:", StringComparison.Ordinal)).ToList();
    }

    static void NoAllClear(CommandResult restore, string context)
    {
        Check.Not(restore.Output.Contains("everything recorded is green", StringComparison.Ordinal), "An all-clear after a failed build.\n" + context);
        Check.Not(Regex.IsMatch(restore.Output, @"✅ All \d+ tests? passed\s*$", RegexOptions.Multiline), "An unqualified test all-clear.\n" + context);
    }

    [Fact]
    public void A_task_error_inside_the_build_is_recorded_as_a_failed_build_and_the_next_good_build_clears_it()
    {
        using var repo = CleanLibrary(nameof(A_task_error_inside_the_build_is_recorded_as_a_failed_build_and_the_next_good_build_clears_it));
        var good = repo.Build(Project);
        Check.That(good.Succeeded, repo.Describe(good));
        Check.That(Str(Outcome(repo), "outcome") == "succeeded", Show(Outcome(repo)) + "\n" + repo.Describe(good));

        // Inside CoreBuild, after the compile: the compiler reports nothing.
        var copy = MissingCopy("AfterTargets=\"CopyFilesToOutputDirectory\"");
        AddTarget(repo, copy);
        var failed = repo.Build(Project);
        var context = repo.Describe(failed);
        Check.That(failed.ExitCode != 0 && failed.Output.Contains("error MSB3030", StringComparison.Ordinal), context);
        var outcome = Outcome(repo);
        Check.That(Str(outcome, "outcome") == "failed" && Int(outcome, "errors") == 0, Show(outcome) + "\n" + context);
        Check.That(Str(repo.ReadState()["build"] as JsonObject, "outcome") == "failed", context);

        foreach (var format in new[] { "text", "markdown" })
        {
            var restore = repo.MSBuild(Project, "SessionRestore", $"-p:SessionFormat={format}");
            var opening = Opening(restore);
            Check.That(opening.FirstOrDefault(l => l.Length > 0)?.Trim('*').StartsWith($"❌ Last build failed: {Project} — no compiler error", StringComparison.Ordinal) == true,
                $"The {format} summary does not open with the failed build.\n{repo.Describe(restore)}");
            NoAllClear(restore, repo.Describe(restore));
        }
        var json = Printed.ExtractJson(repo.MSBuild(Project, "SessionRestore", "-p:SessionFormat=json").Output, out _) as JsonObject;
        Check.That(Str(json, "last_build") == "failed" && json?["failed_builds"]?.AsArray().Count == 1, Show(json));

        // Fixed without compiling anything: the build records again all the same.
        RemoveTarget(repo, copy);
        var fixedBuild = repo.Build(Project);
        Check.That(fixedBuild.Succeeded, repo.Describe(fixedBuild));
        Check.That(Str(Outcome(repo), "outcome") == "succeeded", Show(Outcome(repo)) + "\n" + repo.Describe(fixedBuild));
        var after = repo.MSBuild(Project, "SessionRestore");
        Check.Not(after.Output.Contains("❌ Last build", StringComparison.Ordinal), repo.Describe(after));
    }

    [Fact]
    public void A_failure_after_Build_is_shown_as_a_build_that_did_not_finish()
    {
        using var repo = CleanLibrary(nameof(A_failure_after_Build_is_shown_as_a_build_that_did_not_finish));
        Check.That(repo.Build(Project).Succeeded, repo.Describe());

        // After Build: no target of the package runs after it fails, only its start marker is left.
        var copy = MissingCopy("AfterTargets=\"Build\"");
        AddTarget(repo, copy);
        var failed = repo.Build(Project);
        Check.That(failed.ExitCode != 0 && failed.Output.Contains("error MSB3030", StringComparison.Ordinal), repo.Describe(failed));

        var restore = repo.MSBuild(Project, "SessionRestore");
        var context = repo.Describe(restore);
        Check.That(Opening(restore).FirstOrDefault()?.StartsWith($"❌ Last build did not finish: {Project} —", StringComparison.Ordinal) == true, context);
        NoAllClear(restore, context);
        Check.That(Str(Outcome(repo), "outcome") == "incomplete", Show(Outcome(repo)) + "\n" + context);

        RemoveTarget(repo, copy);
        var fixedBuild = repo.Build(Project);
        Check.That(fixedBuild.Succeeded && Str(Outcome(repo), "outcome") == "succeeded", Show(Outcome(repo)) + "\n" + repo.Describe(fixedBuild));
        var again = repo.MSBuild(Project, "SessionRestore");
        Check.Not(again.Output.Contains("❌ Last build", StringComparison.Ordinal), repo.Describe(again));
    }

    [Fact]
    public void A_compile_error_opens_the_restore_with_the_compilers_first_error()
    {
        using var repo = ThrowawayRepo.Create(nameof(A_compile_error_opens_the_restore_with_the_compilers_first_error));
        repo.AddClassLibrary("Lib", "Calculator.cs", Sources.Calculator(Sources.BrokenStatement));
        var build = repo.Build(Project);
        // The oracle: the compiler's own console line, "Calculator.cs(LINE,COL): error CS0029: ...".
        var line = Regex.Match(build.Output, @"Calculator\.cs\((\d+),\d+\): error (CS\d+)");
        Check.That(build.ExitCode != 0 && line.Success, repo.Describe(build));

        var restore = repo.MSBuild(Project, "SessionRestore");
        var expected = $"❌ Last build failed: {Project} — {line.Groups[2].Value} in src/Lib/Calculator.cs line {line.Groups[1].Value}:";
        Check.That(Opening(restore).FirstOrDefault()?.StartsWith(expected, StringComparison.Ordinal) == true,
            $"Expected the summary to open with '{expected}'.\n{repo.Describe(restore)}");
        var outcome = Outcome(repo);
        var distinctErrors = Regex.Matches(build.Output, @"\): error CS\d+").Select(m => m.Value).Distinct().Count();
        Check.That(Str(outcome, "outcome") == "failed" && Int(outcome, "errors") == distinctErrors, Show(outcome) + "\n" + repo.Describe(build));
    }

    [Fact]
    public void Test_results_from_before_a_failed_build_say_when_they_are_from()
    {
        using var repo = ThrowawayRepo.Create(nameof(Test_results_from_before_a_failed_build_say_when_they_are_from));
        var tests = repo.AddXunitTestProject("App.Tests", new Dictionary<string, string> { ["MathTests.cs"] = TestSources.MathTests("App.Tests", subtractsFixed: true, rowFixed: true) });
        var run = repo.Test(tests);
        var passed = TestRunSummary.Read(run);
        Check.That(run.Succeeded && passed.Total > 0, repo.Describe(run));
        var first = repo.MSBuild(tests, "SessionRestore");
        Check.That(Regex.IsMatch(first.Output, $@"✅ All {passed.Passed} tests? passed\s*$", RegexOptions.Multiline), repo.Describe(first));

        repo.WriteFile("tests/App.Tests/Broken.cs", Sources.Calculator(Sources.BrokenStatement, ns: "App.Tests"));
        var broken = repo.Build(tests);
        Check.That(broken.ExitCode != 0, repo.Describe(broken));

        var restore = repo.MSBuild(tests, "SessionRestore");
        var context = repo.Describe(restore);
        Check.That(Regex.IsMatch(restore.Output, $@"✅ All {passed.Passed} tests? passed \(as of \d{{4}}-\d\d-\d\d \d\d:\d\d UTC, before the last build\)"), context);
        NoAllClear(restore, context);
    }

    [Fact]
    public void The_tech_stack_names_the_projects_own_packages_in_a_stable_order()
    {
        using var repo = ThrowawayRepo.Create(nameof(The_tech_stack_names_the_projects_own_packages_in_a_stable_order));
        // netstandard2.0 brings NETStandard.Library implicitly: a PackageReference the project never wrote.
        repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"), targetFramework: "netstandard2.0;net10.0");
        repo.WriteFile(Project, repo.ReadFile(Project).Replace("<ImplicitUsings>enable</ImplicitUsings>", "<LangVersion>latest</LangVersion>", StringComparison.Ordinal)
            .Replace("<Nullable>enable</Nullable>", "", StringComparison.Ordinal));
        var build = repo.Build(Project);
        Check.That(build.Succeeded, repo.Describe(build));
        // The oracle for what is implicit: NuGet's own list of the project's top-level packages.
        var listed = repo.DotNet("list", Project, "package");
        Check.That(listed.Output.Contains("NETStandard.Library", StringComparison.Ordinal) && listed.Output.Contains("(A)", StringComparison.Ordinal),
            "NuGet lists NETStandard.Library as auto-referenced.\n" + repo.Describe(listed));

        var stack = Strings(repo.ReadState()["context"], "tech_stack");
        Assert.Equal(["C#", "net10.0", "netstandard2.0"], stack);
    }

    [Fact]
    public void Two_thousand_compiler_errors_are_counted_as_the_compiler_counts_them()
    {
        using var repo = ThrowawayRepo.Create(nameof(Two_thousand_compiler_errors_are_counted_as_the_compiler_counts_them));
        repo.AddClassLibrary("Lib", "Clean.cs", Sources.Clean("Lib"));
        // 1,000 CS0029 with one text, 20 in each of 50 files, and 1,000 different CS0103 in one file.
        for (var f = 1; f <= 50; f++)
            repo.WriteFile($"src/Lib/Same{f}.cs", $"namespace Lib;\n\npublic static class Same{f}\n{{\n"
                + string.Concat(Enumerable.Range(1, 20).Select(i => $"    public static int V{i}() => \"x\";\n")) + "}\n");
        repo.WriteFile("src/Lib/Names.cs", "namespace Lib;\n\npublic static class Names\n{\n"
            + string.Concat(Enumerable.Range(1, 1000).Select(i => $"    public static int N{i}() => missing{i};\n")) + "}\n");

        var build = repo.Build(Project);
        // The oracle: the compiler's own lines, counted once per file, line and code.
        var compiler = Regex.Matches(build.Output, @"^(?:\s*\d+>)?\s*(\S+\.cs)\((\d+),\d+\): error (CS\d+)", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).Distinct().ToList();
        Check.That(build.ExitCode != 0 && compiler.Count == 2000, $"The compiler reported {compiler.Count} distinct errors.\n" + repo.Describe(build));

        var restore = repo.MSBuild(Project, "SessionRestore");
        var byCode = compiler.GroupBy(c => c.Item3).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}");
        var expected = $"⚠ {compiler.Count} unresolved errors ({string.Join(", ", byCode)})";
        Check.That(restore.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}'.\n" + repo.Describe(restore));
        Check.That(Int(Outcome(repo), "errors") == compiler.Count, Show(Outcome(repo)));
        // The grouping stays: one entry per file for the repeated error, each with its occurrences;
        // the entries past the cap of 200 per compile are counted in errors.omitted by occurrences.
        var state = repo.ReadState();
        var same = Unresolved(state).Where(e => Str(e, "code") == "CS0029").ToList();
        var omitted = Int(state["errors"]?["omitted"]?[Project]?["by_code"], "CS0029") ?? 0;
        Check.That(same.All(e => Int(e, "occurrences") == 20) && same.Sum(e => Int(e, "occurrences") ?? 0) + omitted == 1000,
            $"{same.Count} CS0029 entries, {omitted} omitted.\n" + repo.Describe());
    }
}
