import * as migration_20261205_210125_initial from './20261205_210125_initial';

export const migrations = [
  {
    up: migration_20261205_210125_initial.up,
    down: migration_20261205_210125_initial.down,
    name: '20261205_210125_initial'
  },
];
