namespace Attendance.Export;

/// <summary>The fingerprint that tells whether the pseudonym key changed, as an independent implementation computes it (<see cref="PseudonymKeyFingerprint"/>).</summary>
public sealed class PseudonymKeyFingerprintTests
{
    [Fact]
    public void The_fingerprint_is_HMAC_SHA256_of_the_fixed_label_as_Python_computes_it()
    {
        // python3: hmac.new(key, b"attendance-analytics/pseudonym-key-fingerprint/v1", hashlib.sha256).hexdigest()
        Assert.Equal("481a26b557571e367356ba280e78fa76d8bd6722049e30afbead2e13bfc035b5",
            PseudonymKeyFingerprint.Compute("pseudonym-key-for-tests-0000000000000"));
    }
}
