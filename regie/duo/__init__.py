"""Everything Regie exchanges with DUO, in one package:

- `client` (HTTP transport, signing, DUO's errors), `specificaties` and `specs/` (DUO's own interface
  specifications), `codes` (DUO's codes as Regie's values, look-ups for one person),
  `wachttijden` (the one retry policy for both directions);
- `uitgaand` (app label `duo`): messages from Regie to DUO (`berichten`), queued and sent with retry;
- `inkomend` (app label `notificaties`): DUO's notices (`ontvangst`, `services`, `batch`,
  `gebeurtenissen`, `registratie`) and the reconciliation (`afstemming`);
- `schermen`: the pages (the case's DUO tab, the notices, the reconciliation).

The two apps keep their labels, so their tables and migration history did not move. The layers
contract in .importlinter orders the parts: schermen above inkomend, uitgaand below pip, trajecten
and voortgang (they hand it their data), the shared modules below uitgaand."""
