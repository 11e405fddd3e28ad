using SessionResume.Fingerprints;

namespace SessionResume.Tests.Fingerprints;

public class HashAndDisplayTests
{
    [Fact]
    public void Hash_of_the_empty_input_is_the_published_XxHash3_value()
    {
        // The reference value of XXH3_64bits("") with seed 0: if this changes, so does every stored fingerprint.
        Assert.Equal("2d06800538d394c2", Fingerprint.Hash(""));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("é, ü and 中文")]
    public void Hash_is_sixteen_lower_case_hex_digits(string text)
    {
        var hash = Fingerprint.Hash(text);

        Assert.Matches("^[0-9a-f]{16}$", hash);
    }

    [Fact]
    public void Hash_reads_the_text_as_UTF8()
    {
        // "é" as one code point (NFC) and as e + combining accent are different UTF-8 bytes; Hash itself
        // does not normalise (that is the message normaliser's job), so they must differ here.
        Assert.NotEqual(Fingerprint.Hash("\u00e9"), Fingerprint.Hash("e\u0301"));
    }

    [Fact]
    public void Display_is_the_code_a_dash_and_the_first_twelve_hex_digits()
    {
        Assert.Equal("CS0029-0123456789ab", Fingerprint.Display("CS0029", "0123456789abcdef"));
    }

    [Fact]
    public void Display_of_a_real_fingerprint_has_the_documented_shape()
    {
        var fingerprint = Fingerprint.ForDiagnostic(Fingerprint.BuildTool, "CS0029", "src/Foo.cs", "Cannot implicitly convert type 'string' to 'int'", "/repo");

        Assert.Matches("^CS0029-[0-9a-f]{12}$", Fingerprint.Display("CS0029", fingerprint));
        Assert.StartsWith(Fingerprint.Display("CS0029", fingerprint)["CS0029-".Length..], fingerprint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CS0029-0123456789ab")]     // as Display prints it
    [InlineData("0123456789abcdef")]        // all 16 digits
    [InlineData("01234567")]                // the shortest prefix accepted
    [InlineData("CS0029-01234567")]
    [InlineData("0123456789ABCDEF")]        // typed in upper case
    [InlineData("  CS0029-0123456789ab  ")]
    public void MatchesPrefix_accepts_a_displayed_id_or_a_hex_prefix_of_eight_or_more(string typed)
    {
        Assert.True(Fingerprint.MatchesPrefix(typed, "0123456789abcdef"));
    }

    [Theory]
    [InlineData("0123456")]                 // 7 digits: too short to be unique
    [InlineData("CS0029-0123456")]
    [InlineData("1123456789ab")]            // not a prefix
    [InlineData("CS0029-0123456789ac")]
    [InlineData("0123456789abcdef0")]       // longer than the fingerprint
    [InlineData("0123456g")]                // not hex
    [InlineData("")]
    [InlineData("CS0029-")]
    public void MatchesPrefix_rejects_short_foreign_or_malformed_input(string typed)
    {
        Assert.False(Fingerprint.MatchesPrefix(typed, "0123456789abcdef"));
    }
}
