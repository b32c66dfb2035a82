import * as migration_20261205_180348_initial from './20261205_180348_initial';

export const migrations = [
  {
    up: migration_20261205_180348_initial.up,
    down: migration_20261205_180348_initial.down,
    name: '20261205_180348_initial'
  },
];
