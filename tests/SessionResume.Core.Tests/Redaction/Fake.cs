using System.Text;

namespace SessionResume.Tests.Redaction;

/// <summary>
/// Made-up values of the right shape: the right prefix, alphabet and length, from a fixed seed so
/// every run sees the same text. None of them is, or was, a real credential.
/// </summary>
static class Fake
{
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Digits = "0123456789";
    public const string Alnum = Upper + Lower + Digits;
    public const string UpperAlnum = Upper + Digits;
    public const string LowerAlnum = Lower + Digits;
    public const string Base64 = Alnum + "+/";
    public const string Base64Url = Alnum + "-_";
    public const string Hex = "0123456789abcdef";

    /// <summary>
    /// <paramref name="length"/> characters of <paramref name="alphabet"/>. When the alphabet has
    /// digits and letters, both occur (the second and third character), as in any real token.
    /// </summary>
    public static string Of(string alphabet, int length, int seed, int salt = 0)
    {
        var state = (uint)(seed * 7919 + salt * 104729 + 17);
        var b = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            state = state * 1664525 + 1013904223;   // a fixed LCG: the same text on every runtime
            b.Append(alphabet[(int)(state >> 8) % alphabet.Length]);
        }
        if (length >= 3 && alphabet.Any(char.IsAsciiDigit) && alphabet.Any(char.IsAsciiLetter))
        {
            b[1] = alphabet.First(char.IsAsciiDigit);
            b[2] = alphabet.Last(char.IsAsciiLetter);
        }
        return b.ToString();
    }

    public static string Pem(string label, int lines, int seed) =>
        $"-----BEGIN {label}-----\n" + string.Join('\n', Enumerable.Range(0, lines).Select(i => Of(Base64, 64, seed, i))) + $"\n-----END {label}-----";

    public static string Jwt(int seed) =>
        "eyJ" + Of(Base64Url, 33, seed, 1) + ".eyJ" + Of(Base64Url, 80, seed, 2) + "." + Of(Base64Url, 43, seed, 3);
}
