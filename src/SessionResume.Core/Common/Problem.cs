using SessionResume.Model;

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
}
