using SessionResume.Fingerprints;

namespace SessionResume.Tests.Fingerprints;

/// <summary>Test identity and failure signatures (docs/fingerprints.md, "Tests").</summary>
public class TestFingerprintTests
{
    const string LinuxRoot = "/home/b/work/repo";
    const string WindowsRoot = "C:\\Users\\a\\src\\repo";

    // Identity.

    [Fact]
    public void Data_rows_with_different_arguments_are_different_tests()
    {
        Assert.NotEqual(
            Fingerprint.ForTest("App.Tests", "App.Tests.MathTests.Add", "App.Tests.MathTests.Add(a: 1, b: 2)"),
            Fingerprint.ForTest("App.Tests", "App.Tests.MathTests.Add", "App.Tests.MathTests.Add(a: 2, b: 3)"));
        Assert.NotEqual(
            Fingerprint.ForTest("App.Tests", "App.Tests.MathTests.Add", "Add(1,2)"),
            Fingerprint.ForTest("App.Tests", "App.Tests.MathTests.Add", "Add(2,3)"));
    }

    [Fact]
    public void The_same_test_name_in_two_test_assemblies_is_two_tests()
    {
        Assert.NotEqual(
            Fingerprint.ForTest("App.Tests", "Shared.SmokeTests.Starts", "Shared.SmokeTests.Starts"),
            Fingerprint.ForTest("App.IntegrationTests", "Shared.SmokeTests.Starts", "Shared.SmokeTests.Starts"));
    }

    [Fact]
    public void Different_methods_are_different_tests()
    {
        Assert.NotEqual(
            Fingerprint.ForTest("App.Tests", "App.Tests.AuthTests.Login", "App.Tests.AuthTests.Login"),
            Fingerprint.ForTest("App.Tests", "App.Tests.AuthTests.Logout", "App.Tests.AuthTests.Logout"));
    }

    [Theory]
    [InlineData("App.Tests.dll")]
    [InlineData("/home/b/work/repo/tests/App.Tests/bin/Debug/net8.0/App.Tests.dll")]
    [InlineData("C:\\Users\\a\\src\\repo\\tests\\App.Tests\\bin\\Release\\net9.0\\App.Tests.DLL")]
    [InlineData("App.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null")]
    [InlineData(" App.Tests ")]
    public void Only_the_assembly_s_simple_name_counts(string assembly)
    {
        Assert.Equal(
            Fingerprint.ForTest("App.Tests", "App.Tests.AuthTests.Login", "App.Tests.AuthTests.Login"),
            Fingerprint.ForTest(assembly, "App.Tests.AuthTests.Login", "App.Tests.AuthTests.Login"));
    }

    [Theory]
    [InlineData("App.Tests.AuthTests.Login")]   // xunit's default display
    [InlineData("Login")]                       // methodDisplay=method
    [InlineData("")]
    public void A_display_name_that_only_repeats_the_method_adds_nothing(string displayName)
    {
        Assert.Equal(
            Fingerprint.ForTest("App.Tests", "App.Tests.AuthTests.Login", "App.Tests.AuthTests.Login"),
            Fingerprint.ForTest("App.Tests", "App.Tests.AuthTests.Login", displayName));
    }

    [Fact]
    public void Named_data_rows_without_arguments_are_told_apart_by_their_display_name()
    {
        Assert.NotEqual(
            Fingerprint.ForTest("App.Tests", "App.Tests.MathTests.Add", "small numbers"),
            Fingerprint.ForTest("App.Tests", "App.Tests.MathTests.Add", "large numbers"));
    }

    [Fact]
    public void A_test_and_its_failure_never_share_an_id_with_a_diagnostic()
    {
        var test = Fingerprint.ForTest("build", "CS0029", "");

        Assert.NotEqual(test, Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "", "", LinuxRoot));
        Assert.NotEqual(test, Fingerprint.ForTestFailure("build", "CS0029", "", LinuxRoot));
    }

    [Fact]
    public void ForTest_hashes_the_documented_parts()
    {
        Assert.Equal(
            Fingerprint.Hash("fp1\u001ftest\u001fApp.Tests\u001fApp.Tests.MathTests.Add\u001f(a: 1, b: 2)"),
            Fingerprint.ForTest("App.Tests.dll", "App.Tests.MathTests.Add", "App.Tests.MathTests.Add(a: 1, b: 2)"));
    }

    // Failure signature.

    const string Frame = "at App.Tests.FileTests.Reads_config() in /home/b/work/repo/tests/App.Tests/FileTests.cs:line 42";

    [Fact]
    public void Failures_that_differ_only_in_a_temp_path_are_the_same_failure()
    {
        Assert.Equal(
            Fingerprint.ForTestFailure("System.IO.FileNotFoundException", "Could not find file '/tmp/tmpA1b2C3.tmp/config.json'.", Frame, LinuxRoot),
            Fingerprint.ForTestFailure("System.IO.FileNotFoundException", "Could not find file '/tmp/tmpZ9y8X7.tmp/config.json'.", Frame, LinuxRoot));
        Assert.Equal(
            Fingerprint.ForTestFailure("System.IO.FileNotFoundException", "Could not find file '/tmp/tmpA1b2C3.tmp/config.json'.", Frame, LinuxRoot),
            Fingerprint.ForTestFailure("System.IO.FileNotFoundException", "Could not find file 'C:\\Users\\a\\AppData\\Local\\Temp\\q4\\config.json'.",
                "at App.Tests.FileTests.Reads_config() in C:\\Users\\a\\src\\repo\\tests\\App.Tests\\FileTests.cs:line 42", WindowsRoot));
    }

    [Fact]
    public void Failures_that_differ_only_in_a_GUID_are_the_same_failure()
    {
        Assert.Equal(
            Fingerprint.ForTestFailure("Xunit.Sdk.EqualException", "Order 3f2504e0-4f89-11d3-9a0c-0305e82c3301 was not found", Frame, LinuxRoot),
            Fingerprint.ForTestFailure("Xunit.Sdk.EqualException", "Order 7c9e6679-7425-40de-944b-e07fc1f90ae7 was not found", Frame, LinuxRoot));
    }

    [Fact]
    public void Failures_that_differ_only_in_a_duration_are_the_same_failure()
    {
        Assert.Equal(
            Fingerprint.ForTestFailure("System.TimeoutException", "The operation has timed out after 00:00:05.0123456.", Frame, LinuxRoot),
            Fingerprint.ForTestFailure("System.TimeoutException", "The operation has timed out after 00:00:05.9870001.", Frame, LinuxRoot));
        Assert.Equal(
            Fingerprint.ForTestFailure("System.TimeoutException", "No reply within 1500ms", Frame, LinuxRoot),
            Fingerprint.ForTestFailure("System.TimeoutException", "No reply within 2.5 s", Frame, LinuxRoot));
    }

    [Fact]
    public void The_frame_s_line_number_and_machine_path_do_not_count()
    {
        Assert.Equal(
            Fingerprint.ForTestFailure("System.InvalidOperationException", "Sequence contains no elements", Frame, LinuxRoot),
            Fingerprint.ForTestFailure("System.InvalidOperationException", "Sequence contains no elements",
                "   at App.Tests.FileTests.Reads_config() in C:\\Users\\a\\src\\repo\\tests\\App.Tests\\FileTests.cs:line 57", WindowsRoot));
    }

    [Fact]
    public void Async_state_machine_ordinals_in_the_frame_do_not_count()
    {
        Assert.Equal(
            Fingerprint.ForTestFailure("System.Exception", "boom", "at App.Tests.AuthTests.<Login>d__3.MoveNext() in /home/b/work/repo/tests/AuthTests.cs:line 42", LinuxRoot),
            Fingerprint.ForTestFailure("System.Exception", "boom", "at App.Tests.AuthTests.<Login>d__8.MoveNext() in /home/b/work/repo/tests/AuthTests.cs:line 40", LinuxRoot));
    }

    [Fact]
    public void A_different_exception_message_or_frame_is_a_new_failure()
    {
        var failure = Fingerprint.ForTestFailure("System.InvalidOperationException", "Sequence contains no elements", Frame, LinuxRoot);

        Assert.NotEqual(failure, Fingerprint.ForTestFailure("System.ArgumentException", "Sequence contains no elements", Frame, LinuxRoot));
        Assert.NotEqual(failure, Fingerprint.ForTestFailure("System.InvalidOperationException", "Sequence contains more than one element", Frame, LinuxRoot));
        Assert.NotEqual(failure, Fingerprint.ForTestFailure("System.InvalidOperationException", "Sequence contains no elements",
            "at App.Tests.FileTests.Writes_config() in /home/b/work/repo/tests/App.Tests/FileTests.cs:line 42", LinuxRoot));
    }

    [Fact]
    public void Missing_parts_are_allowed()
    {
        Assert.Matches("^[0-9a-f]{16}$", Fingerprint.ForTestFailure(null, null, null, LinuxRoot));
        Assert.NotEqual(Fingerprint.ForTestFailure(null, null, null, LinuxRoot), Fingerprint.ForTestFailure("System.Exception", null, null, LinuxRoot));
    }

    [Theory]
    [InlineData("App.Tests", "App.Tests.MathTests.Add", "App.Tests.MathTests.Add(a: 1, b: 2)", "6257b848aadb7af4")]
    public void Golden_test_identity(string assembly, string name, string display, string expected)
    {
        Assert.Equal(expected, Fingerprint.ForTest(assembly, name, display));
    }

    [Fact]
    public void The_hashed_text_of_a_failure_is_spelled_out()
    {
        // Type, the first two lines of the message with the integer masked, the frame without "at", line and machine path.
        Assert.Equal(
            Fingerprint.Hash("fp1\u001ftest-failure\u001fXunit.Sdk.EqualException\u001fAssert.Equal() Failure: Values differ\nExpected: {n}\u001fApp.Tests.FileTests.Reads_config() in tests/App.Tests/FileTests.cs"),
            Fingerprint.ForTestFailure("Xunit.Sdk.EqualException", "Assert.Equal() Failure: Values differ\nExpected: 4\nActual:   5", Frame, LinuxRoot));
    }

    [Fact]
    public void Golden_failure_signature()
    {
        Assert.Equal("9c4c9959c92adcb5", Fingerprint.ForTestFailure("Xunit.Sdk.EqualException",
            "Assert.Equal() Failure: Values differ\nExpected: 4\nActual:   5", Frame, LinuxRoot));
    }
}
