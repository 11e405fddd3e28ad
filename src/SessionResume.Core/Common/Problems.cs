namespace SessionResume.Common;

/// <summary>
/// Every warning the package gives, one builder each, grouped by code in the order of
/// <see cref="Problem.Codes"/>. A message is written here and nowhere else, so the wording of the
/// package's warnings can be read (and kept consistent) in one file. The caller decides when a
/// warning is due and passes the facts; a builder only words them.
/// </summary>
public static class Problems
{
    // ---- SR0001: the state file could not be read

    public static Problem StateInvalid(string stateFile, string why) =>
        new(Problem.StateUnreadable, $"{stateFile} cannot be read: {why}. It will be moved aside at the next update.", stateFile);

    public static Problem StateNotReadable(string stateFile, string explanation) =>
        new(Problem.StateUnreadable, $"{stateFile} cannot be read: {explanation}", stateFile);

    public static Problem StateSetAside(string stateFile, string why, string aside) =>
        new(Problem.StateUnreadable,
            $"{stateFile} could not be read ({why}). It was kept as {aside} and a fresh state was started.", stateFile);

    // ---- SR0002: the lock was held too long

    public static Problem LockTimedOut(string lockFile, TimeSpan timeout) =>
        new(Problem.LockTimeout,
            $"Could not lock {lockFile}" +
            $" within {timeout.TotalSeconds:0} s (another build or test run still holds it); this update was not " +
            "recorded. The OS releases the lock when its process exits: look for a hung dotnet process.");

    // ---- SR0003: a file could not be written

    public static Problem StateIsDirectory(string stateFile) =>
        new(Problem.WriteFailed,
            $"Could not update {stateFile}: it is a directory, not a file, so this build's results were not recorded. Rename or remove " +
            "that directory, or set SessionResumeStateFile (\"state_file\" in .session-resume.json) to a file path.", stateFile);

    public static Problem StateNotWritten(string stateFile, string explanation) =>
        new(Problem.WriteFailed, $"Could not update {stateFile}: {explanation}", stateFile);

    public static Problem EndedSessionKept(string? sessionId, string stateFile, string why) =>
        new(Problem.WriteFailed,
            $"Session {sessionId} has ended but could not be archived, so it stays in {stateFile} and this update was not recorded: {why}");

    public static Problem NotArchived(string directory, string why) =>
        new(Problem.WriteFailed, $"The session was not archived to {directory}: {why}.");

    public static Problem ArchiveNotWritten(string archive, Exception e) =>
        HistoryNotWritten($"Could not archive the session to {archive}", e);

    public static Problem HistoryFolderNotRemoved(string folder, Exception e) =>
        HistoryNotWritten($"Could not remove the empty directory {folder}", e);

    public static Problem ArchiveNotCompressed(string archive, Exception e) =>
        HistoryNotWritten($"Could not compress {archive}; it stays uncompressed", e);

    public static Problem ArchiveNotDeleted(string archive, Exception e) => HistoryNotWritten($"Could not delete {archive}", e);

    static Problem HistoryNotWritten(string what, Exception e) =>
        new(Problem.WriteFailed, $"{what}: {e.Message} Check that the folder is writable and the disk is not full.");

    public static Problem DigestSkipped(string digest) =>
        new(Problem.WriteFailed, $"The session was not added to {digest}: it has no session_id of the form sess_YYYYMMDD_NNN.");

    public static Problem DigestNotWritten(string digest, Exception e) =>
        new(Problem.WriteFailed, $"Could not update {digest}: {e.Message} Check that the folder is writable and the disk is not full.");

    public static Problem DigestNotDeleted(string digest, Exception e) =>
        new(Problem.WriteFailed, $"Could not delete {digest}: {e.Message}");

    public static Problem GitIgnoreNotWritten(string gitIgnore, Exception e) =>
        new(Problem.WriteFailed, $"Could not add the session files to {gitIgnore}: {e.Message}");

    public static Problem SetupNotWritten(string responseFile, Exception e) =>
        new(Problem.WriteFailed, $"Could not write {responseFile}, so full capture was not changed: {e.Message}");

    // ---- SR0004: an input could not be read

    public static Problem SarifUnreadable(string sarifFile, Exception e) =>
        new(Problem.InputUnreadable,
            $"The compiler's diagnostics log {sarifFile} could not be read ({e.Message}); this compile was not recorded.");

    public static Problem MergeInputSkipped(string label, string reason, string path) =>
        new(Problem.InputUnreadable, $"SessionMerge skipped {label}: {reason}. The other inputs were merged.", path);

    public static Problem JournalUnreadable(string journal) =>
        new(Problem.InputUnreadable,
            $"The test run journal {journal} could not be read, so that run (if its test host crashed) was not recorded; " +
            "it was deleted.", journal);

    // ---- SR0005: an unexpected failure inside the package

    public static Problem Unexpected(Exception e) =>
        new(Problem.Internal,
            $"SessionResume.Build failed unexpectedly and recorded nothing ({e.GetType().Name}" +
            $": {e.Message}). Please report this with the build log.");

    /// <summary>The test logger or the MTP extension failed while recording <paramref name="what"/>; the user's run goes on.</summary>
    public static Problem NotRecorded(string what, Exception e) =>
        new(Problem.Internal, $"{what} not recorded ({e.GetType().Name}: {e.Message}).");

    public static Problem JournalNotClosed(string failure) =>
        new(Problem.Internal, $"the test run's journal was not closed ({failure}).");

    // ---- SR0006: a setting has an unknown key or a bad value

    public static Problem ConfigUnreadable(string name, Exception e, string path) =>
        new(Problem.ConfigInvalid, $"{name} could not be read ({e.Message}); every setting uses its default.", path);

    public static Problem ConfigNotJson(string name, Exception e, string path, int line, int column) =>
        new(Problem.ConfigInvalid, $"{name} is not valid JSON ({e.Message}); every setting uses its default.", path, line, column);

    public static Problem ConfigNotObject(string name, string example, string found, string path) =>
        new(Problem.ConfigInvalid, $"{name} must hold a JSON object such as {example}, not {found}; every setting uses its default.", path);

    public static Problem ConfigUnknownKey(string name, string key, string? suggestion, IEnumerable<string> knownKeys, string path) =>
        new(Problem.ConfigInvalid, suggestion is not null
            ? $"{name}: unknown key \"{key}\" (did you mean \"{suggestion}\"?); it is ignored."
            : $"{name}: unknown key \"{key}\"; it is ignored. The known keys are {string.Join(", ", knownKeys)}.", path);

    public static Problem ConfigKeyRepeated(string name, string key, string path) =>
        new(Problem.ConfigInvalid, $"{name}: \"{key}\" is given more than once; the last valid value is used.", path);

    public static Problem ConfigBadValue(string name, string key, string requirement, string found, string used, string hint,
        string path) =>
        new(Problem.ConfigInvalid, $"{name}: \"{key}\" must be {requirement}, not {found}; using {used}.{hint}", path);

    public static Problem PropertyBadValue(string property, string requirement, string found, string used, string source) =>
        new(Problem.ConfigInvalid, $"The MSBuild property {property} must be {requirement}, not \"{found}\"; using {used} ({source}).");

    // ---- SR0007: git failed or is missing

    const string GitConsequence = "so the files changed in this session were not recorded.";

    public static Problem GitNotStarted(string error, string howToSilence) =>
        new(Problem.GitUnavailable, $"git could not be started ({error}), {GitConsequence} Install git or put it on PATH. {howToSilence}");

    public static Problem GitTimedOut(string command, string seconds, string root, string howToSilence) =>
        new(Problem.GitUnavailable,
            $"\"{command}\" did not finish within {seconds} s in {root} and was stopped, {GitConsequence} {howToSilence}");

    public static Problem GitFailed(string command, string root, int exitCode, string firstErrorLine, string howToSilence) =>
        new(Problem.GitUnavailable,
            $"\"{command}\" failed in {root} (exit code {exitCode}{firstErrorLine}), {GitConsequence} {howToSilence}");

    // ---- SR0008: an archived session could not be read

    public static Problem ArchiveSkipped(string display, string why, string path) =>
        new(Problem.HistoryUnreadable, $"The archived session {display} was skipped: {why}. The file was left as it is.", path);

    // ---- SR0009 is an error of a verb's arguments: its messages are worded by the parsers that find
    // them (ResolutionRequest, ErrorLookup, SessionStatus), which know the close matches to offer.

    // ---- SR0101: an error resolved before is back

    public static Problem SeenBefore(string? sessionId, string fingerprint, string? resolution, string? file, int line, int column) =>
        new(Problem.SeenBefore,
            $"This error was seen before (session {sessionId ?? "unknown"}, {fingerprint}). Previous resolution: \"{resolution}\"",
            file, line, column);
}
