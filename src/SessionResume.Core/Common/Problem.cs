namespace SessionResume.Common;

/// <summary>
/// Something the package wants the user to see as a warning with an SR code. The package's own
/// trouble is never an error: the user's build result must not change because of it.
/// </summary>
public sealed record Problem(string Code, string Message, string? File = null, int Line = 0, int Column = 0)
{
    public const string StateUnreadable = "SR0001";
    public const string LockTimeout = "SR0002";
    public const string WriteFailed = "SR0003";
    public const string InputUnreadable = "SR0004";
    public const string Internal = "SR0005";
    public const string ConfigInvalid = "SR0006";
    public const string GitUnavailable = "SR0007";
    public const string HistoryUnreadable = "SR0008";
    /// <summary>A verb's input that names nothing known (a resolution for an unknown fingerprint).</summary>
    public const string UnknownReference = "SR0009";
    public const string SeenBefore = "SR0101";

    /// <summary>
    /// The registry: every code above, with when it is given, in the order of the README's list of
    /// warnings (a test holds the two together). A new code is added here and there.
    /// </summary>
    public static IReadOnlyList<(string Code, string When)> Codes { get; } =
    [
        (StateUnreadable, "the state file could not be read; it was set aside and a fresh one started"),
        (LockTimeout, "the state file's lock was held too long by another process; the update was not recorded"),
        (WriteFailed, "a file could not be written"),
        (InputUnreadable, "an input could not be read (a diagnostics log, a SessionMerge input, a test run journal); it was skipped"),
        (Internal, "an unexpected failure inside the package"),
        (ConfigInvalid, ".session-resume.json or a SessionResume* property has an unknown key or a bad value"),
        (GitUnavailable, "git status failed or git is missing, so files was not updated"),
        (HistoryUnreadable, "an archived session could not be read; it was skipped and left as it is"),
        (UnknownReference, "a verb was given something that names nothing known (an error, from a verb only)"),
        (SeenBefore, "an error that was resolved before is back"),
    ];
}
