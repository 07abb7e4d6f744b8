using System.Buffers.Text;
using System.Text;

namespace ScholarGraph.GraphQL.Data.Relay;

/// <summary>
/// Opaque global ids as Hot Chocolate makes them: base64 of <c>TypeName:key</c>, so that a client can refetch any object
/// through <c>node(id:)</c> without knowing its type.
/// </summary>
public static class GlobalId
{
    /// <summary>Encodes <paramref name="key"/> of an object of type <paramref name="typeName"/>.</summary>
    public static string Encode(string typeName, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + key));

    /// <summary>Decodes <paramref name="id"/>; returns <c>false</c> when it is not a well-formed global id.</summary>
    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = "";
        if (string.IsNullOrEmpty(id) || !Base64.IsValid(id))
            return false;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(id));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
            return false;
        (typeName, key) = (text[..colon], text[(colon + 1)..]);
        return true;
    }
}
