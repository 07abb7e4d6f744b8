using System.Text;

namespace ScholarGraph.Architecture.Tests.PublicApi;

/// <summary>
/// Compares a text with its approved copy (<c>NAME.approved.txt</c>) in a folder of the repository. On a difference it writes
/// <c>NAME.received.txt</c> beside it (gitignored) and fails with the difference; a missing approved copy always fails: under
/// <c>CI=true</c> it is only reported, elsewhere it is written for the developer to read and commit. With
/// <c>APPROVE_PUBLIC_API=1</c> (never under CI) the received text becomes the approved one and the check passes.
/// </summary>
public static class ApprovedText
{
    public const string ApproveVariable = "APPROVE_PUBLIC_API";

    /// <summary>Null when <paramref name="received"/> is the approved text (or was approved by the variable), else why the check fails.</summary>
    public static string? Check(string folder, string name, string received, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var approvedFile = Path.Combine(folder, name + ".approved.txt");
        var receivedFile = Path.Combine(folder, name + ".received.txt");
        received = Normalize(received);
        var ci = IsSet(environment, "CI", "true");
        var approve = IsSet(environment, ApproveVariable, "1");

        if (approve && !ci)
        {
            File.WriteAllText(approvedFile, received);
            File.Delete(receivedFile);
            return null;
        }
        if (!File.Exists(approvedFile))
        {
            if (ci)
            {
                File.WriteAllText(receivedFile, received);
                return $"{approvedFile} is missing (CI=true: nothing is approved here). Generate it locally, read it and commit it; this run's text is in {receivedFile}.";
            }
            File.WriteAllText(approvedFile, received);
            return $"{approvedFile} was missing and has been written: read it, commit it, and run the tests again.";
        }

        var approved = Normalize(File.ReadAllText(approvedFile));
        if (approved == received)
        {
            File.Delete(receivedFile);
            return null;
        }
        File.WriteAllText(receivedFile, received);
        return $"""
            {name}'s public API differs from {approvedFile} (- approved, + received):
            {LineDiff.Describe(approved, received)}
            If the change is meant, approve it: copy {receivedFile} over the approved file (or run the tests with {ApproveVariable}=1), read the diff and commit it.
            """;
    }

    private static bool IsSet(IReadOnlyDictionary<string, string?>? environment, string variable, string value)
    {
        var set = environment is null ? Environment.GetEnvironmentVariable(variable) : environment.TryGetValue(variable, out var v) ? v : null;
        return string.Equals(set, value, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        while (builder.Length > 0 && builder[^1] == '\n')
            builder.Length--;
        return builder.Append('\n').ToString();
    }
}
