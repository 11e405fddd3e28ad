using SessionResume.Tests.Infrastructure;
using static SessionResume.Tests.Infrastructure.StateJson;

namespace SessionResume.Tests.Configuration;

/// <summary>
/// Microsoft.Testing.Platform mode: the configuration properties reach the MTP extension inside the test
/// app through the assembly metadata the package stamps at build time.
/// </summary>
public class TestingPlatformSettingsTests
{
    const string Project = "tests/Mtp/Mtp.csproj";

    [Fact]
    public void SessionResumeSaveOnError_false_in_Directory_Build_props_keeps_a_failing_mtp_run_from_writing()
    {
        using var repo = ThrowawayRepo.Create();
        repo.WriteFile("Directory.Build.props", repo.ReadFile("Directory.Build.props").Replace("</Project>", """
              <PropertyGroup>
                <SessionResumeSaveOnError>false</SessionResumeSaveOnError>
              </PropertyGroup>
            </Project>
            """));
        repo.AddXunitV3TestProject("Mtp", new Dictionary<string, string> { ["CalcTests.cs"] = """
            using Xunit;

            namespace Mtp.Tests;

            public class CalcTests
            {
                [Fact]
                public void Adds() => Assert.Equal(4, 2 + 2);

                [Fact]
                public void Divides() => Assert.Equal(4, 7 / 2);
            }
            """ }, useTestingPlatformRunner: true);

        var failing = repo.DotNet("test", "--project", Project);
        Check.That(failing.ExitCode != 0 && failing.Output.Contains("failed: 1", StringComparison.Ordinal), repo.Describe());
        // The test app's clean compile is recorded; its failing run must not be.
        var state = repo.ReadState();
        Check.That(TestsJson.Count(state, "total") is null or 0 && TestsJson.Failures(state).Count == 0,
            "SessionResumeSaveOnError=false — the failing MTP run must not be recorded.\n" + repo.Describe());

        // The extension is there and records a passing run: the silence above was the setting's doing.
        var passing = repo.DotNet("test", "--project", Project, "--no-build", "--filter-method", "Mtp.Tests.CalcTests.Adds");
        Check.That(passing.Succeeded, repo.Describe());
        state = repo.ReadState();
        Check.That(TestsJson.Count(state, "passing") == 1 && TestsJson.Count(state, "failing") == 0, repo.Describe());
        Check.That(Str(state, "session_id") is not null, repo.Describe());
    }
}
