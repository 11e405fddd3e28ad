using SessionResume.Config;

namespace SessionResume.Tests.Config;

public class SettingPropertiesTests
{
    [Fact]
    public void The_property_names_are_exactly_those_of_the_contract()
    {
        Assert.Equal(
            ["SessionResumeAutoSave", "SessionResumeSaveOnError", "SessionResumeMaxHistory", "SessionResumeHistoryDirectory",
             "SessionResumeStateFile", "SessionResumeIncludeGitDiff", "SessionResumeCompressOldSessions", "SessionResumeIdleMinutes"],
            SettingsLoader.PropertyNames);
    }

    [Theory]
    [InlineData("SessionResumeAutoSave", "false")]
    [InlineData("SessionResumeSaveOnError", "False")]
    [InlineData("SessionResumeMaxHistory", "4")]
    [InlineData("SessionResumeHistoryDirectory", "build/history")]
    [InlineData("SessionResumeStateFile", "/tmp/state.json")]
    [InlineData("SessionResumeIncludeGitDiff", "FALSE")]
    [InlineData("SessionResumeCompressOldSessions", " false ")]
    [InlineData("SessionResumeIdleMinutes", "45")]
    public void Each_property_sets_its_own_setting_and_no_other(string property, string value)
    {
        using var folder = new ConfigFolder();
        var settings = folder.Load((property, value));
        Assert.Empty(folder.Problems);
        var expected = property switch
        {
            _ when property == SettingTable.AutoSave.Property => SessionSettings.Default with { AutoSave = false },
            _ when property == SettingTable.SaveOnError.Property => SessionSettings.Default with { SaveOnError = false },
            _ when property == SettingTable.MaxHistory.Property => SessionSettings.Default with { MaxHistory = 4 },
            _ when property == SettingTable.HistoryDirectory.Property => SessionSettings.Default with { HistoryDirectory = "build/history" },
            _ when property == SettingTable.StateFile.Property => SessionSettings.Default with { StateFile = "/tmp/state.json" },
            _ when property == SettingTable.IncludeGitDiff.Property => SessionSettings.Default with { IncludeGitDiff = false },
            _ when property == SettingTable.CompressOldSessions.Property => SessionSettings.Default with { CompressOldSessions = false },
            _ when property == SettingTable.IdleMinutes.Property => SessionSettings.Default with { IdleMinutes = 45 },
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };
        Assert.Equal(expected, settings);
    }

    [Fact]
    public void Properties_win_over_the_file()
    {
        using var folder = new ConfigFolder().Write("""{ "auto_save": false, "max_history": 5, "state_file": "from-file.json", "idle_minutes": 10 }""");
        var settings = folder.Load(
            (SettingTable.AutoSave.Property, "true"),
            (SettingTable.MaxHistory.Property, "8"),
            (SettingTable.StateFile.Property, "from-property.json"));
        Assert.Empty(folder.Problems);
        Assert.True(settings.AutoSave);
        Assert.Equal(8, settings.MaxHistory);
        Assert.Equal("from-property.json", settings.StateFile);
        Assert.Equal(10, settings.IdleMinutes);   // not given as a property: the file's value stays
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_property_that_is_empty_is_not_set_and_the_file_value_stays(string? value)
    {
        using var folder = new ConfigFolder().Write("""{ "max_history": 5, "auto_save": false }""");
        var settings = folder.Load((SettingTable.MaxHistory.Property, value), (SettingTable.AutoSave.Property, value));
        Assert.Empty(folder.Problems);
        Assert.Equal(5, settings.MaxHistory);
        Assert.False(settings.AutoSave);
    }

    [Fact]
    public void A_bad_property_falls_back_to_the_file_value_and_says_so()
    {
        using var folder = new ConfigFolder().Write("""{ "max_history": 5 }""");
        var settings = folder.Load((SettingTable.MaxHistory.Property, "lots"));
        Assert.Equal(5, settings.MaxHistory);
        var problem = folder.SingleProblem();
        Assert.Equal("The MSBuild property SessionResumeMaxHistory must be a whole number of at least 1, not \"lots\"; using 5 (from .session-resume.json).", problem.Message);
        Assert.Null(problem.File);
    }

    [Fact]
    public void A_bad_property_after_a_bad_file_value_falls_back_to_the_default_and_says_so()
    {
        using var folder = new ConfigFolder().Write("""{ "max_history": 0 }""");
        var settings = folder.Load((SettingTable.MaxHistory.Property, "lots"));
        Assert.Equal(20, settings.MaxHistory);
        Assert.EndsWith("not \"lots\"; using 20 (the default).", folder.Problems[^1].Message);
    }

    [Theory]
    [InlineData("SessionResumeAutoSave", "yes", "must be true or false, not \"yes\"; using true (the default).")]
    [InlineData("SessionResumeSaveOnError", "1", "must be true or false, not \"1\"; using true (the default).")]
    [InlineData("SessionResumeIncludeGitDiff", "off", "must be true or false, not \"off\"; using true (the default).")]
    [InlineData("SessionResumeCompressOldSessions", "no", "must be true or false, not \"no\"; using true (the default).")]
    [InlineData("SessionResumeMaxHistory", "0", "must be a whole number of at least 1, not \"0\"; using 20 (the default).")]
    [InlineData("SessionResumeMaxHistory", "-2", "must be a whole number of at least 1, not \"-2\"; using 20 (the default).")]
    [InlineData("SessionResumeMaxHistory", "5.0", "must be a whole number of at least 1, not \"5.0\"; using 20 (the default).")]
    [InlineData("SessionResumeMaxHistory", "99999999999", "must be a whole number of at least 1, not \"99999999999\"; using 20 (the default).")]
    [InlineData("SessionResumeIdleMinutes", "two hours", "must be a whole number of at least 1, not \"two hours\"; using 120 (the default).")]
    [InlineData("SessionResumeStateFile", "a\0b", "must be a non-empty path, not \"a\0b\"; using \".session-state.json\" (the default).")]
    public void Each_bad_property_is_reported_by_name_and_keeps_the_default(string property, string value, string expectedEnd)
    {
        using var folder = new ConfigFolder();
        var settings = folder.Load((property, value));
        Assert.Equal(SessionSettings.Default, settings);
        var problem = folder.SingleProblem();
        Assert.StartsWith($"The MSBuild property {property} ", problem.Message);
        Assert.EndsWith(expectedEnd, problem.Message);
    }

    [Fact]
    public void Numbers_may_carry_blanks_and_a_plus_sign_as_MSBuild_may_pass_them()
    {
        using var folder = new ConfigFolder();
        var settings = folder.Load((SettingTable.MaxHistory.Property, " 3 "), (SettingTable.IdleMinutes.Property, "+60"));
        Assert.Empty(folder.Problems);
        Assert.Equal(3, settings.MaxHistory);
        Assert.Equal(60, settings.IdleMinutes);
    }

    [Fact]
    public void File_problems_come_before_property_problems_in_a_stable_order()
    {
        using var folder = new ConfigFolder().Write("""{ "idle_minutes": 0, "auto_save": "no" }""");
        folder.Load((SettingTable.IdleMinutes.Property, "x"), (SettingTable.AutoSave.Property, "y"));
        Assert.Collection(folder.Problems,
            p => Assert.StartsWith(".session-resume.json: \"idle_minutes\"", p.Message),
            p => Assert.StartsWith(".session-resume.json: \"auto_save\"", p.Message),
            p => Assert.StartsWith("The MSBuild property SessionResumeAutoSave", p.Message),
            p => Assert.StartsWith("The MSBuild property SessionResumeIdleMinutes", p.Message));
    }

    [Fact]
    public void Other_properties_in_the_dictionary_are_ignored()
    {
        using var folder = new ConfigFolder();
        Assert.Equal(SessionSettings.Default, folder.Load(("SessionResumeEnabled", "false"), ("Configuration", "Release")));
        Assert.Empty(folder.Problems);
    }
}
