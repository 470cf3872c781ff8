namespace Vigil.VulnDb.Cvss;

/// <summary>Scores any CVSS vector that OSV carries, choosing the version from the vector's prefix.</summary>
public static class CvssCalculator
{
    /// <summary>Computes the base score of a v2, v3.0, v3.1 or v4.0 vector; false when it is none of them or malformed.</summary>
    public static bool TryScore(string? vector, out CvssScore score)
    {
        score = null!;
        if (string.IsNullOrWhiteSpace(vector))
        {
            return false;
        }

        return vector.StartsWith("CVSS:4.0/", StringComparison.Ordinal) ? CvssV4.TryScore(vector, out score)
            : vector.StartsWith("CVSS:3.", StringComparison.Ordinal) ? CvssV3.TryScore(vector, out score)
            : CvssV2.TryScore(vector, out score);
    }
}
