namespace Attendance.Storage;

/// <summary>What one action of an entity group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; the transaction fails with 409 when the keys exist.</summary>
    Insert,

    /// <summary>Insert or replace.</summary>
    Upsert,

    /// <summary>Replace while the entity's ETag matches <see cref="TableTransactionAction.IfMatch"/> (412 otherwise).</summary>
    Replace,

    /// <summary>Delete while the ETag matches <see cref="TableTransactionAction.IfMatch"/> (<c>*</c>: any).</summary>
    Delete,
}

/// <summary>One action of an entity group transaction.</summary>
public sealed record TableTransactionAction(TableTransactionActionType Type, TableEntity Entity, string IfMatch = "*");
