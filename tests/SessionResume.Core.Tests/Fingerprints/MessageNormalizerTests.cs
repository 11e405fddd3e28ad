using SessionResume.Fingerprints;

namespace SessionResume.Tests.Fingerprints;

/// <summary>Each normalisation rule of docs/fingerprints.md, with the exact text it must produce.</summary>
public class MessageNormalizerTests
{
    const string LinuxRoot = "/home/b/work/repo";
    const string WindowsRoot = "C:\\Users\\a\\src\\repo";

    static string Normalize(string message, string root = LinuxRoot) => MessageNormalizer.Normalize(message, root);

    // Step 1: decorations.

    [Theory]
    [InlineData("Cannot implicitly convert type 'string' to 'int' [/home/b/work/repo/src/App/App.csproj]")]
    [InlineData("Cannot implicitly convert type 'string' to 'int' [/home/b/work/repo/src/App/App.csproj::TargetFramework=net8.0]")]
    [InlineData("Cannot implicitly convert type 'string' to 'int' [C:\\Users\\a\\src\\repo\\App.vbproj::TargetFramework=net9.0-windows]")]
    [InlineData("Cannot implicitly convert type 'string' to 'int' [/home/b/work/repo/All.sln]")]
    public void The_MSBuild_project_suffix_is_dropped(string message)
    {
        Assert.Equal("Cannot implicitly convert type 'string' to 'int'", Normalize(message));
    }

    [Fact]
    public void A_bracketed_text_that_is_not_a_project_stays()
    {
        Assert.Equal("Index was outside the bounds [of the array]", Normalize("Index was outside the bounds [of the array]"));
    }

    [Theory]
    [InlineData("1>Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("  12>Cannot implicitly convert type 'string' to 'int'")]
    public void The_node_prefix_is_dropped(string message)
    {
        Assert.Equal("Cannot implicitly convert type 'string' to 'int'", Normalize(message));
    }

    [Theory]
    [InlineData("/home/b/work/repo/src/Foo.cs(42,9): error CS0029: Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("C:\\Users\\a\\src\\repo\\src\\Foo.cs(42,9,42,20): warning CS0029: Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("src/Foo.cs(42): error CS0029: Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("CSC : error CS0029: Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("error CS0029: Cannot implicitly convert type 'string' to 'int'")]
    public void A_whole_console_line_is_reduced_to_its_text(string line)
    {
        Assert.Equal("Cannot implicitly convert type 'string' to 'int'", Normalize(line));
    }

    // Step 2: paths inside the message.

    [Theory]
    [InlineData("Source file '/home/b/work/repo/src/Foo.cs' could not be found.", LinuxRoot)]
    [InlineData("Source file 'C:\\Users\\a\\src\\repo\\src\\Foo.cs' could not be found.", WindowsRoot)]
    [InlineData("Source file 'c:/users/a/SRC/repo/src/Foo.cs' could not be found.", WindowsRoot)]
    [InlineData("Source file 'file:///C:/Users/a/src/repo/src/Foo.cs' could not be found.", WindowsRoot)]
    public void An_absolute_path_under_the_root_becomes_relative(string message, string root)
    {
        Assert.Equal("Source file 'src/Foo.cs' could not be found.", Normalize(message, root));
    }

    [Theory]
    [InlineData("Could not find file C:\\Users\\John Smith\\repo\\src\\Foo.cs.")]
    [InlineData("Could not find file 'C:\\Users\\John Smith\\repo\\src\\Foo.cs'.")]
    [InlineData("Could not find file file:///C:/Users/John%20Smith/repo/src/Foo.cs.")]
    public void A_root_with_spaces_is_found_quoted_or_not(string message)
    {
        var normalized = Normalize(message, "C:\\Users\\John Smith\\repo");

        Assert.Contains("src/Foo.cs", normalized);
        Assert.DoesNotContain("John", normalized);
    }

    [Theory]
    [InlineData("Could not find file '/tmp/tmpAbC123.tmp'.", "Could not find file '{tmp}'.")]
    [InlineData("Could not find file '/var/folders/x1/abc/T/data.json'.", "Could not find file '{tmp}'.")]
    [InlineData("Could not find file 'C:\\Users\\a\\AppData\\Local\\Temp\\xyz\\data.json'.", "Could not find file '{tmp}'.")]
    [InlineData("Access denied: /tmp/run_1/out.txt", "Access denied: {tmp}")]
    [InlineData("Could not find /tmp/run_1/out.txt.", "Could not find {tmp}.")]   // the full stop ends the sentence, not the path
    public void A_temp_path_becomes_tmp(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Fact]
    public void A_repository_that_itself_lives_in_temp_keeps_its_relative_paths()
    {
        Assert.Equal("Source file 'src/Foo.cs' could not be found.",
            Normalize("Source file '/tmp/e2e-1/repo/src/Foo.cs' could not be found.", "/tmp/e2e-1/repo"));
    }

    [Theory]
    [InlineData("Metadata file '/usr/share/dotnet/packs/Ref/Lib.dll' could not be found", "Metadata file '{ext}/Lib.dll' could not be found")]
    [InlineData("Metadata file 'D:\\packages\\lib\\Lib.dll' could not be found", "Metadata file '{ext}/Lib.dll' could not be found")]
    [InlineData("Cannot open /etc/dotnet/install_location for reading.", "Cannot open {ext}/install_location for reading.")]
    public void Any_other_absolute_path_becomes_ext_and_its_file_name(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("Operator '/' cannot be applied to operands of type 'int' and 'string'")]
    [InlineData("Operator '/=' cannot be applied to operands of type 'int' and 'string'")]
    [InlineData("Pass /p:Configuration=Release and/or /warnaserror")]
    public void Slashes_that_are_not_paths_stay(string message)
    {
        Assert.Equal(message, Normalize(message));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("C:\\")]
    public void A_bare_root_relativises_paths_and_leaves_operators_alone(string root)
    {
        Assert.Equal("Operator '/' cannot be applied", Normalize("Operator '/' cannot be applied", root));
        Assert.Equal("Source file 'src/Foo.cs' could not be found", Normalize($"Source file '{root.TrimEnd('\\', '/')}/src/Foo.cs' could not be found", root));
    }

    [Theory]
    [InlineData("Could not copy \"obj\\Debug\\net8.0\\App.dll\" to \"bin\\Release\\net9.0\\App.dll\".", "Could not copy \"obj/{config}/{tfm}/App.dll\" to \"bin/{config}/{tfm}/App.dll\".")]
    [InlineData("Generated file src/App/obj/Debug/net8.0/Foo.g.cs is stale", "Generated file src/App/obj/{config}/{tfm}/Foo.g.cs is stale")]
    [InlineData("Generated file '/home/b/work/repo/src/App/obj/x64/Release/net8.0-windows10.0.19041.0/win-x64/Foo.g.cs' is stale", "Generated file 'src/App/obj/{config}/{tfm}/Foo.g.cs' is stale")]
    public void Build_output_folders_become_placeholders(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    // Step 3: text.

    [Fact]
    public void Text_is_put_in_NFC()
    {
        Assert.Equal(Normalize("The name 'caf\u00e9' does not exist"), Normalize("The name 'cafe\u0301' does not exist"));
        Assert.Equal("The name 'caf\u00e9' does not exist", Normalize("The name 'cafe\u0301' does not exist"));
    }

    [Theory]
    [InlineData("first line\r\nsecond line\r\nthird line")]
    [InlineData("first line\nsecond line\nthird line")]
    [InlineData("first line\rsecond line\rthird line")]
    [InlineData("\n\n  first line\n   \n\nsecond line\nthird line\n")]
    public void Only_the_first_two_non_empty_lines_count_whatever_the_line_ends(string message)
    {
        Assert.Equal("first line\nsecond line", Normalize(message));
    }

    [Theory]
    [InlineData("a  \t b   c  ")]
    [InlineData("  a b c")]
    [InlineData("a\u00a0b  c")]
    public void White_space_is_collapsed_and_trimmed(string message)
    {
        Assert.Equal("a b c", Normalize(message));
    }

    [Theory]
    [InlineData("See https://aka.ms/dotnet/app-host for details.", "See {url} for details.")]
    [InlineData("Feed http://localhost:5555/v3/index.json returned 500", "Feed {url} returned {n}")]
    public void URLs_are_masked(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("Session 3f2504e0-4f89-11d3-9a0c-0305e82c3301 not found", "Session {guid} not found")]
    [InlineData("Session {3F2504E0-4F89-11D3-9A0C-0305E82C3301} not found", "Session {guid} not found")]
    public void GUIDs_are_masked(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("Started 2026-11-24T20:00:00.1234567Z, failed", "Started {time}, failed")]
    [InlineData("Started 2026-11-24 20:00:00+01:00, failed", "Started {time}, failed")]
    [InlineData("Started 2026-11-24, failed", "Started {time}, failed")]
    [InlineData("Started 11/24/2026 8:00:00 PM, failed", "Started {time} {time}, failed")]
    [InlineData("Started at 20:00:01, failed", "Started at {time}, failed")]
    public void Timestamps_are_masked(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("Timed out after 1000ms", "Timed out after {duration}")]
    [InlineData("Timed out after 2.5 s", "Timed out after {duration}")]
    [InlineData("Timed out after 30 seconds", "Timed out after {duration}")]
    [InlineData("Timed out after 00:00:01.2345678", "Timed out after {time}")]
    public void Durations_are_masked(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("Commit 9fceb02d0ae598e95dc970b74767f19372d61af8 missing", "Commit {hex} missing")]
    [InlineData("HRESULT 0x80070005", "HRESULT {hex}")]
    [InlineData("Object at 0x7ffd1c2e", "Object at {hex}")]
    [InlineData("Token B03F5F7F11D50A3A", "Token {hex}")]
    public void Hex_runs_are_masked(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("The name 'Decade2024' does not exist")]   // mixed case: an identifier, not a hash
    [InlineData("The name 'deadbeef' does not exist")]     // no digit
    [InlineData("The name 'Facade01' does not exist")]
    public void Identifiers_made_of_hex_letters_are_not_hex_runs(string message)
    {
        Assert.Equal(message, Normalize(message));
    }

    [Theory]
    [InlineData("Package Foo 1.2.3 is not compatible", "Package Foo {version} is not compatible")]
    [InlineData("Package Foo v1.2.3-preview.7.25380.108 is not compatible", "Package Foo {version} is not compatible")]
    [InlineData("System.Runtime, Version=8.0.0.0, Culture=neutral", "System.Runtime, Version={version}, Culture=neutral")]
    [InlineData("Requires SDK 10.0.100.", "Requires SDK {version}.")]
    public void Versions_are_masked(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("Type '<Main>d__3' failed", "Type '<Main>d__{n}' failed")]
    [InlineData("In <>c__DisplayClass0_0.<Run>b__1", "In <>c__DisplayClass{n}_{n}.<Run>b__{n}")]
    [InlineData("In <Main>g__Local2|0_0", "In <Main>g__Local2|{n}_{n}")]
    [InlineData("In <<Main>$>d__0", "In <<Main>$>d__{n}")]
    [InlineData("In <Method2>d__7", "In <Method2>d__{n}")]
    public void Digits_in_compiler_generated_names_are_masked_but_the_user_s_name_is_kept(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("Expected 4 but found 17 items", "Expected {n} but found {n} items")]
    [InlineData("Argument 2: cannot convert", "Argument {n}: cannot convert")]
    [InlineData("Index -1 is out of range", "Index -{n} is out of range")]
    public void Stand_alone_integers_are_masked(string message, string expected)
    {
        Assert.Equal(expected, Normalize(message));
    }

    [Theory]
    [InlineData("The name 'Item2' does not exist in the current context")]
    [InlineData("'List<int>' does not contain a definition for 'Foo'")]
    [InlineData("Cannot convert from 'Func<T1, T2>' to 'Int32'")]
    [InlineData("Use 'IDE0055' and 'CA1822' instead of x64 on net8.0")]
    public void Digits_inside_words_generic_arguments_and_case_are_kept(string message)
    {
        Assert.Equal(message, Normalize(message));
    }

    [Fact]
    public void Empty_input_normalises_to_empty()
    {
        Assert.Equal("", Normalize(""));
        Assert.Equal("", Normalize(" \r\n \n"));
    }
}
