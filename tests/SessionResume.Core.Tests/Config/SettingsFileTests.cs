using System.Text;
using SessionResume.Config;

namespace SessionResume.Tests.Config;

public class SettingsFileTests
{
    [Fact]
    public void Without_a_file_or_properties_every_setting_has_its_default()
    {
        using var folder = new ConfigFolder();
        var settings = folder.Load();
        Assert.Equal(SessionSettings.Default, settings);
        Assert.Empty(folder.Problems);
        Assert.True(settings.AutoSave);
        Assert.True(settings.SaveOnError);
        Assert.Equal(20, settings.MaxHistory);
        Assert.Equal(".session-history", settings.HistoryDirectory);
        Assert.Equal(".session-state.json", settings.StateFile);
        Assert.True(settings.IncludeGitDiff);
        Assert.True(settings.CompressOldSessions);
        Assert.Equal(120, settings.IdleMinutes);
    }

    [Fact]
    public void Every_key_of_the_file_is_read()
    {
        using var folder = new ConfigFolder().Write("""
            {
              "auto_save": false,
              "save_on_error": false,
              "max_history": 5,
              "archive_location": "archive/sessions",
              "state_file": "state/current.json",
              "include_git_diff": false,
              "compress_old_sessions": false,
              "idle_minutes": 30
            }
            """);
        var settings = folder.Load();
        Assert.Empty(folder.Problems);
        Assert.Equal(new SessionSettings
        {
            AutoSave = false,
            SaveOnError = false,
            MaxHistory = 5,
            HistoryDirectory = "archive/sessions",
            StateFile = "state/current.json",
            IncludeGitDiff = false,
            CompressOldSessions = false,
            IdleMinutes = 30,
        }, settings);
    }

    [Theory]
    [InlineData("auto_save", "false")]
    [InlineData("save_on_error", "false")]
    [InlineData("max_history", "7")]
    [InlineData("archive_location", "\"/var/history\"")]
    [InlineData("state_file", "\"my-state.json\"")]
    [InlineData("include_git_diff", "false")]
    [InlineData("compress_old_sessions", "false")]
    [InlineData("idle_minutes", "1")]
    public void Each_key_sets_its_own_setting_and_no_other(string key, string json)
    {
        using var folder = new ConfigFolder().Write($$"""{ "{{key}}": {{json}} }""");
        var settings = folder.Load();
        Assert.Empty(folder.Problems);
        var expected = key switch
        {
            "auto_save" => SessionSettings.Default with { AutoSave = false },
            "save_on_error" => SessionSettings.Default with { SaveOnError = false },
            "max_history" => SessionSettings.Default with { MaxHistory = 7 },
            "archive_location" => SessionSettings.Default with { HistoryDirectory = "/var/history" },
            "state_file" => SessionSettings.Default with { StateFile = "my-state.json" },
            "include_git_diff" => SessionSettings.Default with { IncludeGitDiff = false },
            "compress_old_sessions" => SessionSettings.Default with { CompressOldSessions = false },
            "idle_minutes" => SessionSettings.Default with { IdleMinutes = 1 },
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };
        Assert.Equal(expected, settings);
    }

    [Fact]
    public void A_bad_value_names_the_key_what_is_wrong_and_what_is_used_instead()
    {
        using var folder = new ConfigFolder().Write("""{ "max_history": "abc" }""");
        var settings = folder.Load();
        var problem = folder.SingleProblem();
        Assert.Equal(""".session-resume.json: "max_history" must be a whole number of at least 1, not "abc"; using 20.""", problem.Message);
        Assert.Equal(folder.ConfigPath, problem.File);
        Assert.Equal(20, settings.MaxHistory);
    }

    [Theory]
    [InlineData("auto_save", "\"yes\"", "must be true or false, not \"yes\"; using true.")]
    [InlineData("save_on_error", "1", "must be true or false, not 1; using true.")]
    [InlineData("include_git_diff", "null", "must be true or false, not null; using true.")]
    [InlineData("compress_old_sessions", "\"false\"", "must be true or false, not \"false\"; using true. Write the value without quotes.")]
    [InlineData("max_history", "0", "must be a whole number of at least 1, not 0; using 20.")]
    [InlineData("max_history", "-3", "must be a whole number of at least 1, not -3; using 20.")]
    [InlineData("max_history", "2.5", "must be a whole number of at least 1, not 2.5; using 20.")]
    [InlineData("max_history", "1e10", "must be a whole number of at least 1, not 1e10; using 20.")]
    [InlineData("max_history", "\"20\"", "not \"20\"; using 20. Write the value without quotes.")]
    [InlineData("idle_minutes", "0", "must be a whole number of at least 1, not 0; using 120.")]
    [InlineData("idle_minutes", "[30]", "must be a whole number of at least 1, not [30]; using 120.")]
    [InlineData("archive_location", "5", "must be a non-empty path, not 5; using \".session-history\".")]
    [InlineData("archive_location", "\"\"", "must be a non-empty path, not \"\"; using \".session-history\".")]
    [InlineData("state_file", "\"   \"", "must be a non-empty path, not \"   \"; using \".session-state.json\".")]
    [InlineData("state_file", "\"a\\u0000b\"", "must be a non-empty path, not \"a\\u0000b\"; using \".session-state.json\".")]
    [InlineData("state_file", "false", "must be a non-empty path, not false; using \".session-state.json\".")]
    public void Each_bad_value_is_reported_with_its_key_and_the_key_keeps_its_default(string key, string json, string expectedEnd)
    {
        using var folder = new ConfigFolder().Write($$"""{ "{{key}}": {{json}} }""");
        var settings = folder.Load();
        var problem = folder.SingleProblem();
        Assert.StartsWith($".session-resume.json: \"{key}\" ", problem.Message);
        Assert.EndsWith(expectedEnd, problem.Message);
        Assert.Equal(SessionSettings.Default, settings);
    }

    [Fact]
    public void Good_keys_still_apply_next_to_bad_and_unknown_ones()
    {
        using var folder = new ConfigFolder().Write("""{ "max_history": 0, "idle_minutes": 15, "colour": "blue", "auto_save": false }""");
        var settings = folder.Load();
        Assert.Equal(SessionSettings.Default with { IdleMinutes = 15, AutoSave = false }, settings);
        Assert.Collection(folder.Problems,
            p => Assert.Contains("\"max_history\"", p.Message),
            p => Assert.Contains("\"colour\"", p.Message));
    }

    [Theory]
    [InlineData("max_histroy", "max_history")]
    [InlineData("max_histor", "max_history")]
    [InlineData("autosave", "auto_save")]
    [InlineData("Auto_Save", "auto_save")]
    [InlineData("maxHistory", "max_history")]
    [InlineData("idle-minutes", "idle_minutes")]
    [InlineData("SessionResumeMaxHistory", "max_history")]
    [InlineData("history_directory", "archive_location")]
    [InlineData("statefile", "state_file")]
    [InlineData("include_git_dif", "include_git_diff")]
    [InlineData("save_on_eror", "save_on_error")]
    public void An_unknown_key_close_to_a_known_one_suggests_it(string written, string suggested)
    {
        using var folder = new ConfigFolder().Write($$"""{ "{{written}}": 3 }""");
        var settings = folder.Load();
        var problem = folder.SingleProblem();
        Assert.Equal($".session-resume.json: unknown key \"{written}\" (did you mean \"{suggested}\"?); it is ignored.", problem.Message);
        Assert.Equal(folder.ConfigPath, problem.File);
        Assert.Equal(SessionSettings.Default, settings);
    }

    [Fact]
    public void An_unknown_key_far_from_every_known_one_lists_the_known_keys()
    {
        using var folder = new ConfigFolder().Write("""{ "theme": "dark" }""");
        folder.Load();
        Assert.Equal(
            ".session-resume.json: unknown key \"theme\"; it is ignored. The known keys are auto_save, save_on_error, max_history, archive_location, state_file, include_git_diff, compress_old_sessions, idle_minutes.",
            folder.SingleProblem().Message);
    }

    [Fact]
    public void A_key_given_twice_is_reported_and_the_last_valid_value_wins()
    {
        using var folder = new ConfigFolder().Write("""{ "max_history": 5, "max_history": 9 }""");
        var settings = folder.Load();
        Assert.Equal(9, settings.MaxHistory);
        Assert.Contains("\"max_history\" is given more than once", folder.SingleProblem().Message);
    }

    [Fact]
    public void Text_that_is_not_json_is_one_problem_with_its_position_and_all_defaults()
    {
        using var folder = new ConfigFolder().Write("{\n  \"max_history\": 5\n  \"auto_save\": false\n}");
        var settings = folder.Load();
        var problem = folder.SingleProblem();
        Assert.StartsWith(".session-resume.json is not valid JSON (", problem.Message);
        Assert.EndsWith("); every setting uses its default.", problem.Message);
        Assert.Equal(folder.ConfigPath, problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Equal(SessionSettings.Default, settings);
    }

    [Theory]
    [InlineData("[ { \"max_history\": 5 } ]", "an array")]
    [InlineData("\"max_history\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    public void A_file_that_is_not_an_object_is_reported_and_ignored(string json, string what)
    {
        using var folder = new ConfigFolder().Write(json);
        var settings = folder.Load();
        Assert.Equal($".session-resume.json must hold a JSON object such as {{ \"max_history\": 20 }}, not {what}; every setting uses its default.",
            folder.SingleProblem().Message);
        Assert.Equal(SessionSettings.Default, settings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t ")]
    [InlineData("\uFEFF")]
    public void An_empty_file_configures_nothing_and_is_not_worth_a_warning(string text)
    {
        using var folder = new ConfigFolder().Write(text);
        Assert.Equal(SessionSettings.Default, folder.Load());
        Assert.Empty(folder.Problems);
    }

    [Fact]
    public void A_byte_order_mark_comments_and_trailing_commas_are_accepted()
    {
        using var folder = new ConfigFolder();
        File.WriteAllText(folder.ConfigPath, """
            // Our team's settings
            {
              "max_history": 3, /* keep it small */
              "auto_save": false,
            }
            """, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, File.ReadAllBytes(folder.ConfigPath)[0]);
        var settings = folder.Load();
        Assert.Empty(folder.Problems);
        Assert.Equal(SessionSettings.Default with { MaxHistory = 3, AutoSave = false }, settings);
    }

    [Fact]
    public void Utf16_as_Windows_PowerShell_writes_it_is_accepted()
    {
        using var folder = new ConfigFolder();
        File.WriteAllText(folder.ConfigPath, """{ "state_file": "état.json" }""", Encoding.Unicode);
        var settings = folder.Load();
        Assert.Empty(folder.Problems);
        Assert.Equal("état.json", settings.StateFile);
    }

    [Fact]
    public void An_unreadable_file_is_reported_and_everything_keeps_its_default()
    {
        using var folder = new ConfigFolder().Write("""{ "max_history": 3 }""");
        using (new FileStream(folder.ConfigPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var settings = folder.Load();
            Assert.Equal(SessionSettings.Default, settings);
        }
        var problem = folder.SingleProblem();
        Assert.StartsWith(".session-resume.json could not be read (", problem.Message);
        Assert.Equal(folder.ConfigPath, problem.File);
    }

    [Fact]
    public void A_long_wrong_value_is_shortened_in_the_message()
    {
        using var folder = new ConfigFolder().Write($$"""{ "auto_save": "{{new string('x', 500)}}" }""");
        folder.Load();
        var message = folder.SingleProblem().Message;
        Assert.Contains("not \"xxxxxxx", message);
        Assert.Contains("…; using true.", message);
        Assert.True(message.Length < 200, message);
    }

    [Fact]
    public void Paths_are_kept_as_written_but_without_surrounding_blanks()
    {
        using var folder = new ConfigFolder().Write("""{ "archive_location": "  ../shared history/  ", "state_file": "C:\\state\\s.json" }""");
        var settings = folder.Load();
        Assert.Empty(folder.Problems);
        Assert.Equal("../shared history/", settings.HistoryDirectory);
        Assert.Equal(@"C:\state\s.json", settings.StateFile);
    }

    [Fact]
    public void A_root_that_does_not_exist_or_is_blank_gives_the_defaults_without_throwing()
    {
        var problems = new List<SessionResume.Common.Problem>();
        Assert.Equal(SessionSettings.Default, SettingsLoader.Load(Path.Combine(Path.GetTempPath(), "sr-no-such-" + Guid.NewGuid()), new Dictionary<string, string?>(), problems));
        Assert.Equal(SessionSettings.Default, SettingsLoader.Load("", new Dictionary<string, string?>(), problems));
        Assert.Equal(SessionSettings.Default, SettingsLoader.Load("bad\0root", new Dictionary<string, string?>(), problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void A_folder_named_like_the_file_is_not_read()
    {
        using var folder = new ConfigFolder();
        Directory.CreateDirectory(folder.ConfigPath);
        Assert.Equal(SessionSettings.Default, folder.Load());
        Assert.Empty(folder.Problems);
    }
}
