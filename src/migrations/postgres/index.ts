import * as migration_20261205_144557_initial from './20261205_144557_initial';

export const migrations = [
  {
    up: migration_20261205_144557_initial.up,
    down: migration_20261205_144557_initial.down,
    name: '20261205_144557_initial'
  },
];
