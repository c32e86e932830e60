// The smoke runs each start Azurite, a counting proxy and a host: one at a time, so they neither race for
// free ports nor share the two cores of this machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
