using SessionResume.Common;
using SessionResume.Fingerprints;

namespace SessionResume.Tests.Fingerprints;

/// <summary>The "Must match" and "Must not match" cases of docs/fingerprints.md for build diagnostics.</summary>
public class DiagnosticFingerprintTests
{
    const string LinuxRoot = "/home/b/work/repo";
    const string WindowsRoot = "C:\\Users\\a\\src\\repo";
    const string Cs0029 = "Cannot implicitly convert type 'string' to 'int'";

    /// <summary>What the capture does: the file through ToSessionPath, then the fingerprint.</summary>
    static string Of(string code, string file, string message, string root = LinuxRoot) =>
        Fingerprint.ForDiagnostic(Fingerprint.BuildTool, code, SessionPaths.ToSessionPath(file, root), message, root);

    // Must match.

    [Fact]
    public void The_same_error_after_five_lines_were_inserted_above_it()
    {
        // The position only ever reaches the fingerprint through a whole console line.
        Assert.Equal(
            Of("CS0029", "src/Foo.cs", $"src/Foo.cs(42,9): error CS0029: {Cs0029}"),
            Of("CS0029", "src/Foo.cs", $"src/Foo.cs(47,9): error CS0029: {Cs0029}"));
    }

    [Fact]
    public void The_same_error_on_two_machines_and_operating_systems()
    {
        Assert.Equal(
            Of("CS0029", "C:\\Users\\a\\src\\repo\\src\\Foo.cs", Cs0029, WindowsRoot),
            Of("CS0029", "/home/b/work/repo/src/Foo.cs", Cs0029, LinuxRoot));
    }

    [Fact]
    public void The_same_error_on_two_machines_when_the_message_names_the_file()
    {
        Assert.Equal(
            Of("CS2001", "C:\\Users\\a\\src\\repo\\src\\App\\App.csproj", "Source file 'C:\\Users\\a\\src\\repo\\src\\Foo.cs' could not be found.", WindowsRoot),
            Of("CS2001", "/home/b/work/repo/src/App/App.csproj", "Source file '/home/b/work/repo/src/Foo.cs' could not be found.", LinuxRoot));
    }

    [Fact]
    public void An_absolute_session_path_fingerprints_like_its_relative_form()
    {
        Assert.Equal(
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "src/Foo.cs", Cs0029, WindowsRoot),
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "C:\\Users\\a\\src\\repo\\src\\Foo.cs", Cs0029, WindowsRoot));
    }

    [Theory]
    [InlineData(" [/home/b/work/repo/src/App/App.csproj]")]
    [InlineData(" [/home/b/work/repo/src/App/App.csproj::TargetFramework=net8.0]")]
    [InlineData(" [C:\\Users\\a\\src\\repo\\src\\App\\App.csproj::TargetFramework=net8.0]")]
    public void The_same_line_with_and_without_the_MSBuild_suffix(string suffix)
    {
        Assert.Equal(Of("CS0029", "src/Foo.cs", Cs0029), Of("CS0029", "src/Foo.cs", Cs0029 + suffix));
    }

    [Fact]
    public void A_warning_and_the_same_diagnostic_promoted_to_an_error()
    {
        const string text = "Non-nullable property 'Name' must contain a non-null value when exiting constructor.";
        Assert.Equal(
            Of("CS8618", "src/User.cs", $"src/User.cs(7,19): warning CS8618: {text}"),
            Of("CS8618", "src/User.cs", $"src/User.cs(7,19): error CS8618: {text}"));
    }

    [Fact]
    public void One_error_reported_by_both_target_frameworks_of_a_multi_targeted_project()
    {
        Assert.Equal(
            Of("CS0029", "src/Foo.cs", Cs0029 + " [/home/b/work/repo/src/App/App.csproj::TargetFramework=net8.0]"),
            Of("CS0029", "src/Foo.cs", Cs0029 + " [/home/b/work/repo/src/App/App.csproj::TargetFramework=net9.0]"));
    }

    [Theory]
    [InlineData("src/App/obj/Release/net9.0/Foo.g.cs")]
    [InlineData("/home/b/work/repo/src/App/obj/Release/net9.0/Foo.g.cs")]
    [InlineData("src/App/obj/x64/Debug/net8.0-windows10.0.19041.0/Foo.g.cs")]
    public void The_same_generated_file_in_two_configurations_and_target_frameworks(string other)
    {
        Assert.Equal(Of("CS0029", "src/App/obj/Debug/net8.0/Foo.g.cs", Cs0029), Of("CS0029", other, Cs0029));
    }

    [Fact]
    public void Generated_files_in_obj_and_in_bin_stay_apart()
    {
        Assert.NotEqual(Of("CS0029", "src/App/obj/Debug/net8.0/Foo.g.cs", Cs0029), Of("CS0029", "src/App/bin/Debug/net8.0/Foo.g.cs", Cs0029));
    }

    [Fact]
    public void Compiler_generated_names_that_differ_only_in_their_ordinal()
    {
        Assert.Equal(
            Of("CS0122", "src/Program.cs", "'<Main>d__3' is inaccessible due to its protection level"),
            Of("CS0122", "src/Program.cs", "'<Main>d__5' is inaccessible due to its protection level"));
    }

    [Theory]
    [InlineData("Cannot implicitly convert type 'string' to 'int'\r\nSecond line")]
    [InlineData("Cannot implicitly convert type 'string' to 'int'\nSecond line")]
    [InlineData("Cannot implicitly  convert type 'string' to 'int'  \nSecond  line  ")]
    [InlineData("Cannot implicitly convert type 'string' to 'int'\r\n\r\nSecond line\r\n")]
    public void Line_ends_and_doubled_or_trailing_spaces(string message)
    {
        Assert.Equal(Of("CS0029", "src/Foo.cs", "Cannot implicitly convert type 'string' to 'int'\nSecond line"), Of("CS0029", "src/Foo.cs", message));
    }

    // Must not match.

    [Fact]
    public void Conversions_to_different_types_are_different_problems()
    {
        Assert.NotEqual(
            Of("CS0029", "src/Foo.cs", "Cannot implicitly convert type 'string' to 'int'"),
            Of("CS0029", "src/Foo.cs", "Cannot implicitly convert type 'string' to 'bool'"));
    }

    [Fact]
    public void The_same_code_and_message_in_two_files()
    {
        Assert.NotEqual(Of("CS0029", "src/Foo.cs", Cs0029), Of("CS0029", "src/Bar.cs", Cs0029));
    }

    [Fact]
    public void Names_that_differ_only_in_case()
    {
        Assert.NotEqual(
            Of("CS0103", "src/Foo.cs", "The name 'Foo' does not exist in the current context"),
            Of("CS0103", "src/Foo.cs", "The name 'foo' does not exist in the current context"));
    }

    [Fact]
    public void Generic_types_with_different_arguments()
    {
        Assert.NotEqual(
            Of("CS1061", "src/Foo.cs", "'List<int>' does not contain a definition for 'Push'"),
            Of("CS1061", "src/Foo.cs", "'List<string>' does not contain a definition for 'Push'"));
    }

    [Theory]
    [InlineData("NU1101", "Unable to find package Foo.Bar. No packages exist with this id in source(s): nuget.org", "Unable to find package Foo.Baz. No packages exist with this id in source(s): nuget.org")]
    [InlineData("NU1102", "Unable to find package Foo.Bar with version (>= 9.9.9)", "Unable to find package Foo.Baz with version (>= 9.9.9)")]
    [InlineData("NU1103", "Unable to find a stable package Foo.Bar with version (>= 1.0.0)", "Unable to find a stable package Foo.Baz with version (>= 1.0.0)")]
    public void Missing_packages_with_different_ids(string code, string first, string second)
    {
        Assert.NotEqual(Of(code, "src/App/App.csproj", first), Of(code, "src/App/App.csproj", second));
    }

    [Fact]
    public void The_same_message_under_two_codes_or_two_tools()
    {
        var fingerprint = Of("CS0029", "src/Foo.cs", Cs0029);

        Assert.NotEqual(fingerprint, Of("CS0030", "src/Foo.cs", Cs0029));
        Assert.NotEqual(fingerprint, Fingerprint.ForDiagnostic("other", "CS0029", "src/Foo.cs", Cs0029, LinuxRoot));
    }

    // Step 4: key facts instead of noisy messages.

    [Fact]
    public void A_missing_package_is_identified_by_its_id_alone()
    {
        Assert.Equal(
            Of("NU1101", "src/App/App.csproj", "Unable to find package Foo.Bar. No packages exist with this id in source(s): nuget.org"),
            Of("NU1101", "src/App/App.csproj", "Unable to find package foo.bar. No packages exist with this id in source(s): Microsoft Visual Studio Offline Packages, nuget.org, contoso"));
        Assert.Equal(
            Of("NU1102", "src/App/App.csproj", "Unable to find package Foo.Bar with version (>= 9.9.9)\n  - Found 12 version(s) in nuget.org [ Nearest version: 1.2.3 ]"),
            Of("NU1102", "src/App/App.csproj", "Unable to find package Foo.Bar with version (>= 10.0.0)\n  - Found 14 version(s) in contoso [ Nearest version: 2.0.0 ]"));
    }

    [Fact]
    public void A_locked_output_is_identified_by_its_destination_alone()
    {
        Assert.Equal(
            Of("MSB3027", "src/App/App.csproj", "Could not copy \"obj\\Debug\\net8.0\\App.dll\" to \"bin\\Debug\\net8.0\\App.dll\". Exceeded retry count of 10. Failed. The file is locked by: \"App (12345)\""),
            Of("MSB3027", "src/App/App.csproj", "Could not copy \"obj\\Debug\\net8.0\\App.dll\" to \"bin\\Debug\\net8.0\\App.dll\". Exceeded retry count of 10. Failed. The file is locked by: \"App (4242), dotnet (77)\""));
        Assert.Equal(
            Of("MSB3026", "src/App/App.csproj", "Could not copy \"/home/b/work/repo/src/Lib/bin/Debug/net8.0/Lib.dll\" to \"/home/b/work/repo/src/App/bin/Debug/net8.0/Lib.dll\". Beginning retry 1 in 1000ms. The process cannot access the file because it is being used by another process."),
            Of("MSB3026", "src/App/App.csproj", "Could not copy \"C:\\Users\\a\\src\\repo\\src\\Lib\\bin\\Debug\\net8.0\\Lib.dll\" to \"C:\\Users\\a\\src\\repo\\src\\App\\bin\\Debug\\net8.0\\Lib.dll\". Beginning retry 2 in 2000ms. Access is denied.", WindowsRoot));
    }

    [Fact]
    public void Locked_outputs_with_different_destinations_stay_apart()
    {
        Assert.NotEqual(
            Of("MSB3021", "src/App/App.csproj", "Unable to copy file \"obj/Debug/net8.0/App.dll\" to \"bin/Debug/net8.0/App.dll\". Access to the path is denied."),
            Of("MSB3021", "src/App/App.csproj", "Unable to copy file \"obj/Debug/net8.0/App.pdb\" to \"bin/Debug/net8.0/App.pdb\". Access to the path is denied."));
    }

    [Fact]
    public void A_translated_copy_message_uses_its_second_quoted_path()
    {
        Assert.Equal(
            Of("MSB3027", "src/App/App.csproj", "\"obj\\Debug\\net8.0\\App.dll\" konnte nicht nach \"bin\\Debug\\net8.0\\App.dll\" kopiert werden. Gesperrt durch: \"App (1234)\""),
            Of("MSB3027", "src/App/App.csproj", "\"obj\\Debug\\net8.0\\App.dll\" konnte nicht nach \"bin\\Debug\\net8.0\\App.dll\" kopiert werden. Gesperrt durch: \"dotnet (77)\""));
    }

    [Fact]
    public void Without_its_key_fact_a_noisy_code_falls_back_to_its_normalised_message()
    {
        // No "package <id>" here (a future or translated wording): the message itself must then tell the problems apart.
        Assert.NotEqual(
            Of("NU1101", "src/App/App.csproj", "Paket Foo.Bar nicht gefunden"),
            Of("NU1101", "src/App/App.csproj", "Paket Foo.Baz nicht gefunden"));
        Assert.Equal(
            Fingerprint.Hash("fp1\u001fbuild\u001fNU1101\u001fsrc/App/App.csproj\u001fPaket Foo.Bar nicht gefunden"),
            Of("NU1101", "src/App/App.csproj", "Paket Foo.Bar nicht gefunden"));
    }

    [Fact]
    public void The_code_s_letter_case_and_surrounding_space_do_not_matter()
    {
        Assert.Equal(Of("xUnit1004", "tests/A.cs", "Test methods should not be skipped"), Of(" XUNIT1004 ", "tests/A.cs", "Test methods should not be skipped"));
    }

    [Fact]
    public void A_file_outside_the_root_in_temp_is_identified_by_its_name()
    {
        Assert.Equal(
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "/tmp/build-1/Gen.cs", Cs0029, LinuxRoot),
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "C:\\Users\\b\\AppData\\Local\\Temp\\build-2\\Gen.cs", Cs0029, WindowsRoot));
        Assert.NotEqual(
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "/tmp/build-1/Gen.cs", Cs0029, LinuxRoot),
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "/tmp/build-1/Other.cs", Cs0029, LinuxRoot));
    }

    // Golden values: any change to the formula or the normalisation changes these, and with them every
    // fingerprint already stored in users' state files. Change them only together with a migration.

    [Fact]
    public void ForDiagnostic_hashes_the_documented_parts_in_the_documented_order()
    {
        Assert.Equal(
            Fingerprint.Hash("fp1\u001fbuild\u001fCS0029\u001fsrc/Foo.cs\u001fCannot implicitly convert type 'string' to 'int'"),
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "src/Foo.cs", Cs0029, LinuxRoot));
    }

    [Fact]
    public void The_hashed_text_of_a_decorated_generated_file_diagnostic_is_spelled_out()
    {
        // The golden CS1998 case below, with its normalisation written out: console prefix, position,
        // severity and project suffix gone; configuration and target framework folders as placeholders.
        Assert.Equal(
            Fingerprint.Hash("fp1\u001fbuild\u001fCS1998\u001fsrc/App/obj/{config}/{tfm}/Api.g.cs\u001f" + Cs1998),
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS1998", "src/App/obj/Debug/net8.0/Api.g.cs",
                "src/App/obj/Debug/net8.0/Api.g.cs(12,30): warning CS1998: " + Cs1998 + " [/home/b/work/repo/src/App/App.csproj::TargetFramework=net8.0]", LinuxRoot));
    }

    [Fact]
    public void The_hashed_text_of_a_missing_package_is_its_lower_case_id()
    {
        Assert.Equal(
            Fingerprint.Hash("fp1\u001fbuild\u001fNU1101\u001fsrc/App/App.csproj\u001fpackage:foo.bar"),
            Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "NU1101", "src/App/App.csproj", "Unable to find package Foo.Bar. No packages exist with this id in source(s): nuget.org", LinuxRoot));
    }

    const string Cs1998 = "This async method lacks 'await' operators and will run synchronously. Consider using the 'await' operator to await non-blocking API calls, or 'await Task.Run(...)' to do CPU-bound work on a background thread.";

    [Theory]
    [InlineData("CS0029", "src/Foo.cs", "Cannot implicitly convert type 'string' to 'int'", "91d76e1feed94893")]
    [InlineData("CS8618", "src/App/Models/User.cs", "Non-nullable property 'Name' must contain a non-null value when exiting constructor. Consider adding the 'required' modifier or declaring the property as nullable.", "7c61369032a4280d")]
    [InlineData("CS1998", "src/App/obj/Debug/net8.0/Api.g.cs", "src/App/obj/Debug/net8.0/Api.g.cs(12,30): warning CS1998: This async method lacks 'await' operators and will run synchronously. Consider using the 'await' operator to await non-blocking API calls, or 'await Task.Run(...)' to do CPU-bound work on a background thread. [/home/b/work/repo/src/App/App.csproj::TargetFramework=net8.0]", "2e818171dd6f2841")]
    [InlineData("NU1101", "src/App/App.csproj", "Unable to find package Foo.Bar. No packages exist with this id in source(s): nuget.org", "8c5d1c889582f739")]
    public void Golden_fingerprints_of_realistic_diagnostics(string code, string file, string message, string expected)
    {
        Assert.Equal(expected, Fingerprint.ForDiagnostic(Fingerprint.BuildTool, code, file, message, LinuxRoot));
    }
}
