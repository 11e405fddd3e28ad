using SessionResume.Merge;
using SessionResume.Observations;

namespace SessionResume.Tests.Merge;

public class FailedPathTests
{
    [Theory]
    [InlineData("tests/A/AuthTests.cs", "App.Tests.AuthTests.Login_rejects_bad_email", "App.Tests.AuthTests.Login_rejects_bad_email", "tests/A/AuthTests.cs:AuthTests.Login_rejects_bad_email")]
    [InlineData("tests/A/MathTests.cs", "App.MathTests.Add", "App.MathTests.Add(a: 1, b: 2)", "tests/A/MathTests.cs:MathTests.Add(a: 1, b: 2)")]
    [InlineData(null, "App.MathTests.Add", "App.MathTests.Add", "tests/A/A.csproj:MathTests.Add")]
    [InlineData("t.cs", "NoNamespace", "NoNamespace", "t.cs:NoNamespace")]
    public void Failed_paths_have_the_seeds_form(string? file, string fqn, string display, string expected) =>
        Assert.Equal(expected, FailedPath.For(file, "tests/A/A.csproj", fqn, display));

    [Fact]
    public void The_top_frame_inside_the_repository_is_found()
    {
        var trace = """
               at Xunit.Assert.Equal(Int32 expected, Int32 actual) in /_/src/xunit.assert/Asserts/EqualityAsserts.cs:line 100
               at App.Tests.Helpers.Check() in /repo/tests/App/Helpers.cs:line 7
               at App.Tests.MathTests.Add() in /repo/tests/App/MathTests.cs:line 21
            """;
        var frame = StackFrames.TopInRepository(trace, "/repo");
        Assert.Equal(new StackFrames.Frame("App.Tests.Helpers.Check()", "tests/App/Helpers.cs", 7), frame);
        Assert.Null(StackFrames.TopInRepository("   at X.Y() in /elsewhere/Z.cs:line 3", "/repo"));
    }

    [Theory]
    [InlineData("Test host process crashed\nThe test running when the crash occurred: \nApp.CrashTests.Boom", "App.CrashTests.Boom")]
    [InlineData("The active test run was aborted. Reason: Test host process crashed", null)]
    public void The_running_test_is_read_from_vstests_crash_report(string message, string? expected) =>
        Assert.Equal(expected, CrashReport.RunningTest(message));

    [Fact]
    public void Several_running_tests_are_read_in_order_once_each() =>
        Assert.Equal(["A.B.C", "A.B.D(x: 1)"], CrashReport.RunningTests(
            "Test host process crashed.\nThe test running when the crash occurred: A.B.C\nThe test running when the crash occurred: A.B.D(x: 1)\nThe test running when the crash occurred: A.B.C"));
}
