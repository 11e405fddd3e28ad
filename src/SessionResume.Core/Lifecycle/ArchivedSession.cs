
namespace SessionResume.Lifecycle;

/// <summary>One archived session: its id (from the file name), the file, and whether it is gzip-compressed.</summary>
public sealed record ArchivedSession(string Id, string FilePath, bool Compressed);
