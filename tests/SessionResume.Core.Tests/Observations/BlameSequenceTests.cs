using SessionResume.Observations;

namespace SessionResume.Tests.Observations;

public class BlameSequenceTests
{
    [Fact]
    public void The_test_that_did_not_complete_was_running()
    {
        const string xml = """
            <?xml version="1.0"?>
            <TestSequence>
              <Test Name="Crash.Tests.CrashTests.Passes" Source="/r/Crash.Tests.dll" Completed="True" />
              <Test Name="Crash.Tests.CrashTests.Crashes" Source="/r/Crash.Tests.dll" Completed="False" />
            </TestSequence>
            """;
        Assert.Equal("Crash.Tests.CrashTests.Crashes", BlameSequence.RunningTest(xml));
    }

    [Fact]
    public void Without_completion_marks_the_last_started_test_was_running_and_all_completed_means_none()
    {
        Assert.Equal("B", BlameSequence.RunningTest("<TestSequence><Test Name=\"A\" /><Test Name=\"B\" /></TestSequence>"));
        Assert.Null(BlameSequence.RunningTest("<TestSequence><Test Name=\"A\" Completed=\"True\" /></TestSequence>"));
        Assert.Null(BlameSequence.RunningTest("not xml"));
    }

    [Fact]
    public void The_abort_reason_is_vstests_not_an_adapters_failure_line()
    {
        var reason = BlameSequence.AbortReason(null, [
            "[xUnit.net 00:00:00.48]     Crash.Tests.CrashTests.Fails [FAIL]",
            "The active test run was aborted. Reason: Test host process crashed : boom",
        ]);
        Assert.Equal("The active test run was aborted. Reason: Test host process crashed : boom", reason);
        Assert.Equal("The test run was aborted.", BlameSequence.AbortReason(null, []));
        Assert.Equal("socket closed", BlameSequence.AbortReason("socket closed", ["The active test run was aborted."]));
        // The host's own error is the reason when vstest gives none (a framework the machine cannot run).
        Assert.Equal("The test run was aborted: Could not find 'mono' host. Make sure that 'mono' is installed on the machine.",
            BlameSequence.AbortReason(null, ["[xUnit.net 00:00:00.48]     A.B.C [FAIL]", "Could not find 'mono' host. Make sure that 'mono' is installed on the machine."]));
    }
}
