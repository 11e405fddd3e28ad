using System.Globalization;
using System.Text.Json.Nodes;
using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests;

/// <summary>
/// The package never changes the result of a build or test run, whatever came before: sequences of
/// builds in which what the package adds to a project (its MSBuild surface) changes between two
/// builds. A test app once built with the package off used to crash after it was switched on, because
/// the SDK did not regenerate its deps.json. Each sequence runs step by step on a test project with
/// the package and on a twin repository without it, and each step must give the same exit code and
/// the same test counts (the runner's own summary) as the twin. A step the package should record must
/// leave that run in the state; a step with the package off must leave the state's run as it was.
/// </summary>
public class SurfaceChangeTests
{
    public enum Runner { VSTest, TestingPlatform }

    const string TargetFramework = "net10.0";
    const string Off = "-p:SessionResumeEnabled=false";
    const string RecordCrashes = "-p:SessionResumeRecordTestHostCrashes=true";

    [Theory]
    [InlineData(Runner.VSTest)]
    [InlineData(Runner.TestingPlatform)]
    public void Switching_the_package_off_and_on_again(Runner runner) => Run(runner,
    [
        Step.Build(Off),
        Step.Build(),
        Step.Test(records: true),
        Step.Test(records: false, Off),
        Step.Test(records: true),
    ]);

    [Theory]
    [InlineData(Runner.VSTest)]
    [InlineData(Runner.TestingPlatform)]
    public void Recording_test_host_crashes_switched_on_and_off(Runner runner) => Run(runner,
    [
        Step.Test(records: true),
        Step.Test(records: true, RecordCrashes),
        Step.Test(records: true),
        Step.Build(RecordCrashes),
        Step.Test(records: true, RecordCrashes),
    ]);

    [Theory]
    [InlineData(Runner.VSTest)]
    [InlineData(Runner.TestingPlatform)]
    public void Upgrading_the_package_and_back(Runner runner) => Run(runner,
    [
        Step.Test(records: true),
        Step.Edit("upgrade the package", repo => repo.UsePackage(E2EEnvironment.Instance.UpgradeVersion)),
        Step.Test(records: true),
        Step.Edit("downgrade the package", repo => repo.UsePackage(E2EEnvironment.Instance.PackageVersion)),
        Step.Test(records: true),
    ]);

    [Theory]
    [InlineData(Runner.VSTest)]
    [InlineData(Runner.TestingPlatform)]
    public void Removing_the_package_and_adding_it_again(Runner runner) => Run(runner,
    [
        Step.Test(records: true),
        Step.Edit("remove the package", repo => repo.UsePackage(null)),
        Step.Test(records: false),
        Step.Edit("add the package again", repo => repo.UsePackage(E2EEnvironment.Instance.PackageVersion)),
        Step.Test(records: true),
    ]);

    // ---------------------------------------------------------------- the sequence runner

    sealed record Step(string Kind, string[] Arguments, bool Records = false, Action<ThrowawayRepo>? Change = null)
    {
        public static Step Build(params string[] arguments) => new("build", arguments);
        public static Step Test(bool records, params string[] arguments) => new("test", arguments, records);
        /// <summary>A change to the repository with the package only (its twin has no package to change).</summary>
        public static Step Edit(string description, Action<ThrowawayRepo> change) => new(description, [], Change: change);

        public override string ToString() => $"{Kind} {string.Join(' ', Arguments)}".Trim();
    }

    const string Project = "tests/Seq/Seq.csproj";

    static void Run(Runner runner, Step[] steps, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        using var withPackage = CreateRepo(runner, $"{name}-{runner}-with");
        using var without = CreateRepo(runner, $"{name}-{runner}-without");
        without.UsePackage(null);
        const string project = Project;

        var log = new List<string>();
        foreach (var step in steps)
        {
            log.Add(step.ToString());
            string Context(CommandResult with, CommandResult baseline) =>
                $"Steps so far: {string.Join(" → ", log)}\n--- without the package ---\n{baseline}\n--- with the package ---\n{withPackage.Describe(with)}";

            if (step.Change is not null)
            {
                step.Change(withPackage);
                continue;
            }
            if (step.Kind == "build")
            {
                var baselineBuild = without.Build(project, step.Arguments);
                var build = withPackage.Build(project, step.Arguments);
                Check.That(build.ExitCode == baselineBuild.ExitCode, Context(build, baselineBuild));
                continue;
            }

            var runBefore = LastRun(withPackage, project);
            var started = DateTime.UtcNow;
            var baselineRun = RunTests(without, runner, project, step.Arguments);
            var expected = TestRunSummary.Read(baselineRun);
            Check.That(expected.Total > 0, "The run without the package printed no summary.\n" + baselineRun);

            var run = RunTests(withPackage, runner, project, step.Arguments);
            var actual = TestRunSummary.Read(run);
            var context = Context(run, baselineRun);
            Assert.True(expected == actual, $"Expected the run without the package: {expected}\nActual: {actual}\n{context}");

            var recorded = LastRun(withPackage, project);
            if (step.Records)
            {
                Check.That(recorded is not null && Time(recorded) >= started.AddSeconds(-1), "The run is not the last one recorded.\n" + context);
                Assert.True((actual.Total, actual.Passed, actual.Failed, actual.Skipped)
                    == ((int?)Int(recorded, "total"), (int?)Int(recorded, "passed"), (int?)Int(recorded, "failed"), (int?)Int(recorded, "skipped")),
                    "The recorded run differs from the runner's summary.\n" + context);
            }
            else
            {
                Check.That(JsonNode.DeepEquals(runBefore, recorded), $"The package was off, yet the state's run changed from {Show(runBefore)}.\n{context}");
            }
        }
    }

    static ThrowawayRepo CreateRepo(Runner runner, string name)
    {
        var repo = ThrowawayRepo.Create(name);
        var sources = new Dictionary<string, string>();
        if (runner == Runner.VSTest)
        {
            sources["MathTests.cs"] = TestSources.MathTests("Seq");
            repo.AddXunitTestProject("Seq", sources);
        }
        else
        {
            sources["MathTests.cs"] = "using Xunit;\n\n" + TestSources.MathTests("Seq");
            repo.UseTestingPlatformRunner();
            repo.AddXunitV3TestProject("Seq", sources);
        }
        return repo;
    }

    static CommandResult RunTests(ThrowawayRepo repo, Runner runner, string project, string[] arguments) =>
        runner == Runner.VSTest
            ? repo.Test(project, arguments)
            : repo.DotNet(["test", "--project", project, .. arguments]);

    static JsonObject? LastRun(ThrowawayRepo repo, string project) =>
        repo.StateExists ? TestsJson.Run(repo.ReadState(), project, TargetFramework)?.DeepClone() as JsonObject : null;

    static DateTime Time(JsonObject run) =>
        DateTime.Parse(Str(run, "time") ?? "0001-01-01T00:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
