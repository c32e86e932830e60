namespace StrategyFlow.Bench.Storage;

public enum StorageService
{
    Blob,
    Queue,
    Table,
}
