namespace ScholarGraph.GraphQL.Data.Paging.Types;

/// <summary>The arguments of cursor and offset paging, named as Hot Chocolate names them.</summary>
public static class PagingArguments
{
    /// <summary>Cursor paging: how many items from the start, or from <see cref="After"/>.</summary>
    public const string First = "first";

    /// <summary>Cursor paging: the cursor the page starts after.</summary>
    public const string After = "after";

    /// <summary>Cursor paging: how many items from the end, or from <see cref="Before"/> backwards.</summary>
    public const string Last = "last";

    /// <summary>Cursor paging: the cursor the page ends before.</summary>
    public const string Before = "before";

    /// <summary>Offset paging: how many items to pass over.</summary>
    public const string Skip = "skip";

    /// <summary>Offset paging: how many items the segment holds at most.</summary>
    public const string Take = "take";
}
