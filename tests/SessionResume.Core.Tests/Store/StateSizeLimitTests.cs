using System.Text;
using SessionResume.Common;
using SessionResume.Merge;
using SessionResume.Model;
using SessionResume.Observations;
using SessionResume.Store;
using SessionResume.Tests.Support;
using Xunit.Abstractions;

namespace SessionResume.Tests.Store;

/// <summary>Whatever a build throws at it, the state file stays under 256 KB and says what it left out.</summary>
public class StateSizeLimitTests(ITestOutputHelper output)
{
    static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>10,000 errors and 50,000 warnings over 50 projects, then 5,000 failing tests with long messages.</summary>
    static SessionState Flooded()
    {
        var build = new BuildFixture();
        for (var p = 0; p < 50; p++)
        {
            var project = $"src/P{p:00}/P{p:00}.csproj";
            var diagnostics = Enumerable.Range(0, 200)
                .Select(i => BuildFixture.Error($"CS{1000 + i % 7}", $"src/P{p:00}/File{i}.cs", i + 1, $"Problem {i} in project {p}: " + new string('x', 300)))
                .Concat(Enumerable.Range(0, 1000).Select(i => BuildFixture.Warning($"CA{1800 + i % 11}", $"src/P{p:00}/W{i}.cs", i + 1, "Warning text " + new string('w', 200))))
                .ToArray();
            build.Build("net10.0", ["net10.0"], project, true, diagnostics);
        }
        var failures = Enumerable.Range(0, 5000).Select(i => new TestResultRecord($"App.Tests.T{i}", $"App.Tests.T{i}(value: {i})", "App.Tests", TestOutcome.Failed,
            ErrorMessage: "Assert.Equal() Failure\n" + new string('m', 2000), ErrorStackTrace: $"   at App.Tests.T{i}() in /repo/tests/App.Tests/T.cs:line {i + 1}")).ToList();
        SessionResume.Merge.TestMerge.Apply(build.State, new TestRunObservation("tests/App.Tests/App.Tests.csproj", "net10.0", false, failures, null),
            new SessionResume.Merge.MergeContext(Now, build.Sources), BuildFixture.Root);
        return build.State;
    }

    [Fact]
    public void A_flood_of_errors_warnings_and_failing_tests_stays_under_the_limit_and_counts_what_it_left_out()
    {
        var state = Flooded();
        var untrimmed = Encoding.UTF8.GetByteCount(StateJson.Serialize(state));
        var json = StateSizeLimit.Serialize(state);
        var bytes = Encoding.UTF8.GetByteCount(json);
        output.WriteLine($"untrimmed {untrimmed / 1024} KB -> written {bytes / 1024} KB");

        Assert.True(untrimmed > StateSizeLimit.MaxBytes, $"the flood should exceed the limit before trimming ({untrimmed} bytes)");
        Assert.True(bytes <= StateSizeLimit.MaxBytes, $"{bytes} bytes");
        var read = StateJson.Deserialize(json);
        var omittedErrors = read.Errors.Omitted!.Values.Sum(o => o.Count);
        Assert.Equal(10_000, read.Errors.Unresolved.Count + omittedErrors);
        Assert.Equal(50_000, read.Warnings.Total);
        Assert.Equal(5_000, read.Tests.Failing);
        Assert.Equal(5_000, read.Tests.Failures.Count + read.Tests.FailuresOmitted);
        Assert.Equal(read.Tests.Failures.Count, read.Tests.FailedPaths.Count);
    }

    [Fact]
    public void What_a_person_wrote_is_never_cut()
    {
        var state = Flooded();
        state.Todos.AddRange(Enumerable.Range(0, 50).Select(i => $"todo {i} " + new string('t', 100)));
        state.Context.ArchitectureNotes = new string('n', 20_000);

        var read = StateJson.Deserialize(StateSizeLimit.Serialize(state));

        Assert.Equal(50, read.Todos.Count);
        Assert.Equal(20_000, read.Context.ArchitectureNotes!.Length);
    }

    [Fact]
    public void A_state_within_the_limit_is_written_as_it_is()
    {
        var build = new BuildFixture();
        build.Build(BuildFixture.Error("CS0029", "src/A.cs", 3, "Cannot implicitly convert type 'string' to 'int'"));

        Assert.Equal(StateJson.Serialize(build.State), StateSizeLimit.Serialize(build.State));
    }
}
