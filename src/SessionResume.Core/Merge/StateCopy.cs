using SessionResume.Model;

namespace SessionResume.Merge;

static class StateCopy
{
    /// <summary>
    /// A deep copy made through the file format: exactly what would be written and read back,
    /// unknown keys included, and nothing shared with the original.
    /// </summary>
    public static SessionState Of(SessionState state) => StateJson.Deserialize(StateJson.Serialize(state));
}
