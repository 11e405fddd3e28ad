using SessionResume.Application;
using SessionResume.Config;
using SessionResume.Model;
using SessionResume.Store;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Application;

/// <summary>
/// SessionRestore reads NuGet's record of every project the pointers name: a restore that failed
/// since the last build is shown, once, and its project's next build records again.
/// </summary>
public sealed class RestoreRecordsTests : IDisposable
{
    static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);
    readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    string StateFile => dir.File(".session-state.json");
    string ProjectFile => dir.File("Lib/Lib.csproj");
    string RecordFile => dir.File("Lib/obj/project.nuget.cache");
    string SucceededFile => dir.File("Lib/obj/Debug/net10.0/SessionResume.succeeded");

    Session Open() =>
        new(new SessionLocation(dir.Path, StateFile, IsGitRepository: false), SessionSettings.Default with { IncludeGitDiff = false });

    void WriteRecord(bool success)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SucceededFile)!);
        File.WriteAllText(SucceededFile, "");
        var logs = success ? "" : $$"""
            { "code": "NU1101", "level": "Error", "message": "Unable to find package Does.Not.Exist. No packages exist with this id in source(s): local",
              "filePath": "{{ProjectFile}}", "targetGraphs": ["net10.0"] }
            """;
        File.WriteAllText(RecordFile, $$"""{ "version": 2, "success": {{(success ? "true" : "false")}}, "logs": [ {{logs}} ] }""");
    }

    void Point() =>
        new ProjectPointer(dir.File("Lib/obj/Debug/net10.0/SessionResume.started"), ProjectFile, RecordFile, SucceededFile).Save(StateFile);

    [Fact]
    public void A_failed_restore_is_shown_once_and_its_project_records_its_next_build()
    {
        WriteRecord(success: false);
        Point();

        var (output, _) = SessionRestore.Run(Open(), "text", Now);

        Assert.Contains("❌ Last build failed: Lib/Lib.csproj — NU1101 in Lib/Lib.csproj: Unable to find package Does.Not.Exist.", output,
            StringComparison.Ordinal);
        Assert.False(File.Exists(SucceededFile));
        var written = File.ReadAllBytes(StateFile);
        var entry = Assert.Single(StateJson.Deserialize(written).Errors.Unresolved);
        Assert.Equal((ErrorOrigin.Restore, "NU1101"), (entry.Origin, entry.Code));

        // Read again: nothing new, nothing written.
        SessionRestore.Run(Open(), "text", Now.AddMinutes(5));
        Assert.Equal(written, File.ReadAllBytes(StateFile));
    }

    [Fact]
    public void A_later_successful_restore_resolves_it_at_the_next_restore_summary()
    {
        WriteRecord(success: false);
        Point();
        SessionRestore.Run(Open(), "text", Now);
        WriteRecord(success: true);
        File.SetLastWriteTimeUtc(RecordFile, DateTime.UtcNow.AddMinutes(1));   // a later restore

        var (output, _) = SessionRestore.Run(Open(), "text", Now.AddMinutes(1));

        Assert.DoesNotContain("NU1101", output, StringComparison.Ordinal);
        Assert.Empty(StateJson.Deserialize(File.ReadAllBytes(StateFile)).Errors.Unresolved);
    }

    [Fact]
    public void Without_a_pointer_or_with_a_good_restore_nothing_is_written()
    {
        WriteRecord(success: false);
        SessionRestore.Run(Open(), "text", Now);
        Assert.False(File.Exists(StateFile));

        WriteRecord(success: true);
        Point();
        SessionRestore.Run(Open(), "text", Now);
        Assert.False(File.Exists(StateFile));
        Assert.True(File.Exists(SucceededFile));
    }

    [Fact]
    public void A_pointer_of_an_earlier_version_names_only_the_marker_and_is_still_read()
    {
        var marker = dir.File("Lib/obj/Debug/net10.0/SessionResume.started");
        File.WriteAllText(StateFile + ".build-0123456789ab", marker + "\n");
        var pointer = Assert.Single(ProjectPointer.All(StateFile));
        Assert.Equal((marker, (string?)null, (string?)null), (pointer.Marker, pointer.RestoreRecord, pointer.Project));
    }
}
