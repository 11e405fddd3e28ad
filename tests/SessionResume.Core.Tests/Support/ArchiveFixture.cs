using SessionResume.Common;
using SessionResume.Lifecycle;
using SessionResume.Model;
using SessionResume.Tests.Infrastructure;

namespace SessionResume.Tests.Support;

/// <summary>A temporary session root with an archive directory in it, and states to archive.</summary>
sealed class ArchiveFixture : IDisposable
{
    public static readonly DateTime Noon = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    readonly TempDirectory root = new();
    public string Root => root.Path;
    public string HistoryDirectory => Path.Combine(Root, ".session-history");
    public SessionArchive Archive => new(HistoryDirectory, Root);
    public string FileIn(string name) => Path.Combine(HistoryDirectory, name);

    public static string Id(int n, int day = 24) => $"sess_202611{day:00}_{n:000}";

    public static SessionState State(string id, string? objective = null) => new()
    {
        SessionId = id,
        Project = "my-app",
        Timestamp = Noon,
        DurationMinutes = 45,
        Objectives = { Primary = objective ?? $"Objective of {id}" },
    };

    /// <summary>Saves a session with its own objective; fails the test if saving reported anything.</summary>
    public string Save(string id, int maxHistory = 20, bool compress = true, SessionState? state = null)
    {
        var problems = new List<Problem>();
        var path = Archive.Save(state ?? State(id), maxHistory, compress, problems);
        Assert.Empty(problems);
        Assert.NotNull(path);
        return path;
    }

    /// <summary>The archive directory's file names, sorted, so a test sees exactly what is on disk.</summary>
    public List<string> FileNames() =>
        Directory.EnumerateFiles(HistoryDirectory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

    public void Dispose() => root.Dispose();
}
