export declare const NODE_TS_ARGS: string[]
export declare const SERVER_ARGS: string[]
