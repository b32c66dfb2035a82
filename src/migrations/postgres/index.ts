import * as migration_20261205_164149_initial from './20261205_164149_initial';

export const migrations = [
  {
    up: migration_20261205_164149_initial.up,
    down: migration_20261205_164149_initial.down,
    name: '20261205_164149_initial'
  },
];
